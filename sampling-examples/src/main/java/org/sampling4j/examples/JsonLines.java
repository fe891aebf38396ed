package org.sampling4j.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The loop every CLI mode shares: one JSON line out per non-blank line in, in order, flushed line
 * by line so a caller streaming records through a pipe sees each answer as soon as it exists.
 */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    static void forEach(InputStream in, OutputStream out, Function<String, ObjectNode> answer) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                writer.println(JSON.writeValueAsString(answer.apply(line)));
                writer.flush();
            }
        }
        writer.flush();
    }
}
