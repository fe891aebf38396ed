package org.sampling4j.grammar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The hand-written schema corpus under {@code src/test/resources/org/sampling4j/grammar/schema/}: one file per
 * schema with {@code schema}, {@code valid} and {@code invalid} instances (JSON values), optional raw texts
 * {@code valid_texts}/{@code invalid_texts} (spellings: whitespace, escapes, numbers), optional
 * {@code outside_texts} (valid instances that the options exclude: whitespace past a run's limit, any whitespace
 * when compact), optional {@code refused_by_design} (valid texts the compiler refuses by a documented decision:
 * exponent spellings under a numeric bound or {@code type: integer}, exponents of more than 9 digits), optional
 * {@code options} (the CLI's names: any_order, whitespace, strict, format), optional {@code refused} (the JSON
 * pointer of the keyword the compiler must refuse, e.g. {@code /properties/tags/uniqueItems}: the refusal must be
 * UNSUPPORTED, carry that pointer and name the keyword) and optional {@code refused_budget} (a substring of the
 * expected BUDGET refusal, for schemas past {@link GrammarLimits#DEFAULT}).
 */
record SchemaCorpus(String name, String schema, List<String> valid, List<String> invalid, List<String> outside,
                    List<String> byDesign, JsonSchemaOptions options, String refused, String budget) {
    static final String DIR = "/org/sampling4j/grammar/schema";

    static List<SchemaCorpus> load() {
        try (Stream<Path> files = Files.list(Path.of(SchemaCorpus.class.getResource(DIR).toURI()))) {
            List<SchemaCorpus> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(of(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SchemaCorpus of(Path p) throws IOException {
        JsonNode root = SchemaOracle.STRICT.readTree(Files.readString(p));
        String name = p.getFileName().toString();
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        JsonSchemaOptions options = options(root.path("options"));
        for (JsonNode v : root.path("valid")) {
            valid.add(SchemaOracle.STRICT.writeValueAsString(v));
            if (options.whitespace() != JsonSchemaOptions.Whitespace.COMPACT) {
                valid.add(SchemaOracle.STRICT.writerWithDefaultPrettyPrinter().writeValueAsString(v));
            }
        }
        for (JsonNode v : root.path("outside_texts")) {
            outside.add(v.asString());
        }
        List<String> byDesign = new ArrayList<>();
        for (JsonNode v : root.path("refused_by_design")) {
            byDesign.add(v.asString());
        }
        for (JsonNode v : root.path("valid_texts")) {
            valid.add(v.asString());
        }
        for (JsonNode v : root.path("invalid")) {
            invalid.add(SchemaOracle.STRICT.writeValueAsString(v));
        }
        for (JsonNode v : root.path("invalid_texts")) {
            invalid.add(v.asString());
        }
        return new SchemaCorpus(name, SchemaOracle.STRICT.writeValueAsString(root.get("schema")), valid, invalid, outside,
                byDesign, options, root.has("refused") ? root.get("refused").asString() : null,
                root.has("refused_budget") ? root.get("refused_budget").asString() : null);
    }

    static JsonSchemaOptions options(JsonNode o) {
        JsonSchemaOptions out = JsonSchemaOptions.DEFAULT;
        if (o.has("any_order")) {
            out = out.withAnyOrder(o.get("any_order").asBoolean());
        }
        if ("compact".equals(o.path("whitespace").asString(null))) {
            out = out.compact();
        }
        if (o.has("strict")) {
            out = out.withStrict(o.get("strict").asBoolean());
        }
        if ("annotation".equals(o.path("format").asString(null))) {
            out = out.withFormatAssertion(false);
        }
        return out;
    }
}
