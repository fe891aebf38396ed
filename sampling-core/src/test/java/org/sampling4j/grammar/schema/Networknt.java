package org.sampling4j.grammar.schema;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The test oracle: networknt json-schema-validator 3.0.9, draft 2020-12, format assertions on. */
final class Networknt {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private Networknt() {
    }

    /** Whether {@code instanceJson} is valid under {@code schemaJson}. */
    static boolean valid(String schemaJson, String instanceJson) {
        Schema s = SCHEMAS.computeIfAbsent(schemaJson, REGISTRY::getSchema);
        return s.validate(instanceJson, InputFormat.JSON,
                ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true))).isEmpty();
    }

    /** Whether the string {@code value} is valid under {@code {"type":"string", keyword: argument}}. */
    static boolean validString(String keyword, String argumentJson, String value) {
        return valid("{\"type\":\"string\",\"" + keyword + "\":" + argumentJson + "}", Json.quote(value));
    }
}
