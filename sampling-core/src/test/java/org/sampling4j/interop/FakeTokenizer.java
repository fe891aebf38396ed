package org.sampling4j.interop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sampling4j.text.Encoder;
import org.sampling4j.text.Vocabulary;

/**
 * A tiny tokenizer for tests: token i is {@code tokens[i]}; encoding is greedy longest match from
 * the left, so what a string becomes can be worked out by hand. Every character a test encodes
 * must be a token on its own.
 */
final class FakeTokenizer implements Encoder {
    private final List<String> tokens;

    FakeTokenizer(String... tokens) {
        this.tokens = List.of(tokens);
    }

    int id(String token) {
        int id = tokens.indexOf(token);
        if (id < 0) {
            throw new IllegalArgumentException("no token " + token);
        }
        return id;
    }

    int[] ids(String... pieces) {
        int[] out = new int[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            out[i] = id(pieces[i]);
        }
        return out;
    }

    Vocabulary vocabulary() {
        List<byte[]> bytes = new ArrayList<>();
        for (String t : tokens) {
            bytes.add(t.getBytes(StandardCharsets.UTF_8));
        }
        return Vocabulary.of(bytes, new int[0], new int[0]);
    }

    @Override
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int best = -1;
            int bestLength = 0;
            for (int id = 0; id < tokens.size(); id++) {
                String t = tokens.get(id);
                if (t.length() > bestLength && text.startsWith(t, pos)) {
                    best = id;
                    bestLength = t.length();
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("cannot encode " + text.substring(pos));
            }
            out.add(best);
            pos += bestLength;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
