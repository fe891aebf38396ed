package org.sampling4j.grammar;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The independent oracle of the schema tests: networknt json-schema-validator 3.0.9 (default dialect
 * 2020-12, {@code $schema} honoured), format assertions on unless asked otherwise. Instances are read by
 * a strict Jackson mapper: a duplicate key or trailing text makes an instance invalid (our grammars never
 * allow either), numbers as BigDecimal so bounds compare exactly.
 */
final class SchemaOracle {
    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** For numbers BigDecimal cannot hold ({@code 1e2422818052}: its scale overflows an int): doubles. */
    static final JsonMapper LENIENT_NUMBERS = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final SchemaRegistry ASSERT = registry(true);
    private static final SchemaRegistry ANNOTATE = registry(false);
    private final Map<String, Schema> cache = new HashMap<>();

    private static SchemaRegistry registry(boolean formats) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(formats).build()));
    }

    /** Whether {@code instance} (JSON text) is valid under {@code schema} (JSON text). */
    boolean valid(String schema, String instance, boolean formatAssertion) {
        JsonNode node;
        try {
            node = STRICT.readTree(instance);
        } catch (RuntimeException e) {
            try {
                // RFC 8259 allows any exponent; BigDecimal does not: such a number is read as a double
                // (then +-Infinity or 0), which only unbounded-number schemas can produce.
                node = LENIENT_NUMBERS.readTree(instance);
            } catch (RuntimeException again) {
                return false; // not JSON, or a duplicate key
            }
        }
        if (node == null || node.isMissingNode()) {
            return false;
        }
        Schema s = cache.computeIfAbsent(formatAssertion + schema,
                k -> (formatAssertion ? ASSERT : ANNOTATE).getSchema(schema));
        return s.validate(node).isEmpty();
    }
}
