package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sampling4j.text.Vocabulary;

/**
 * Malformed schemas are INVALID and unenforceable ones UNSUPPORTED, each naming the keyword's JSON pointer
 * in {@link GrammarException#pointer()} and in the message ({@code "invalid: /pointer: reason"}).
 */
class JsonSchemaErrorTest {
    private static final Vocabulary V = GrammarSmokeTest.bytesVocab();

    private static GrammarException error(String schema) {
        return assertThrows(GrammarException.class, () -> Grammar.jsonSchema(schema, V));
    }

    private static void invalid(String schema, String pointer, String reason) {
        GrammarException e = error(schema);
        assertEquals(GrammarException.Kind.INVALID, e.kind(), e.getMessage());
        assertEquals(pointer, e.pointer(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid: " + (pointer.isEmpty() ? "/" : pointer) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static void unsupported(String schema, String pointer, String reason) {
        GrammarException e = error(schema);
        assertEquals(GrammarException.Kind.UNSUPPORTED, e.kind(), e.getMessage());
        assertEquals(pointer, e.pointer(), e.getMessage());
        assertTrue(e.getMessage().startsWith("unsupported: " + (pointer.isEmpty() ? "/" : pointer) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void malformedSchemasNameThePointer() {
        invalid("{\"type\": \"integer\", \"minimum\": \"3\"}", "/minimum", "must be a number");
        invalid("{\"type\": \"strin\"}", "/type", "unknown type \"strin\"");
        invalid("{\"type\": [\"string\", 3]}", "/type/1", "must be strings");
        invalid("{\"properties\": {\"a\": {\"maxLength\": -1}}, \"additionalProperties\": false}", "/properties/a/maxLength", "non-negative integer");
        invalid("{\"properties\": {\"a/b\": {\"minItems\": 1.5}}, \"additionalProperties\": false}", "/properties/a~1b/minItems", "non-negative integer");
        invalid("{\"$ref\": \"#/$defs/missing\"}", "/$ref", "points to nowhere");
        invalid("{\"items\": {\"$ref\": \"#nope\"}}", "/items/$ref", "no $anchor named \"nope\"");
        invalid("{\"required\": \"a\"}", "/required", "array of strings");
        invalid("{\"anyOf\": []}", "/anyOf", "non-empty array");
        invalid("{\"multipleOf\": 0}", "/multipleOf", "> 0");
        invalid("{\"properties\": {\"a\": 3}}", "/properties/a", "a schema must be an object");
        invalid("{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"items\": true}", "/items", "must be an object, got true");
        invalid("{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"exclusiveMinimum\": 3}", "/exclusiveMinimum", "boolean");
        invalid("{\"type\": \"string\", ", "", "not JSON");
        invalid("{\"type\": \"string\", \"type\": \"integer\"}", "", "duplicate key");
    }

    @Test
    void aSchemaWithNoInstanceIsInvalid() {
        GrammarException e = error("false");
        assertEquals(GrammarException.Kind.INVALID, e.kind(), e.getMessage());
        e = error("{\"type\": \"integer\", \"minimum\": 5, \"maximum\": 4}");
        assertEquals(GrammarException.Kind.INVALID, e.kind(), e.getMessage());
        e = error("{\"allOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}");
        assertEquals(GrammarException.Kind.INVALID, e.kind(), e.getMessage());
    }

    @Test
    void unenforceableKeywordsAreRefusedAtTheirPointer() {
        unsupported("{\"type\": \"array\", \"contains\": {\"type\": \"integer\"}, \"maxContains\": 1}", "/maxContains", "maxContains");
        unsupported("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"uniqueItems\": true}", "/uniqueItems", "uniqueItems");
        unsupported("{\"properties\": {\"address\": {\"if\": {\"patternProperties\": {\"^z\": {\"type\": \"integer\"}}},"
                + " \"then\": {\"maxProperties\": 3}}}, \"additionalProperties\": false}",
                "/properties/address/if/patternProperties", "not of patternProperties");
        unsupported("{\"not\": {\"properties\": {\"a\": {}}, \"additionalProperties\": false}}", "/not/additionalProperties",
                "not of additionalProperties is supported only as false");
        unsupported("{\"not\": {\"propertyNames\": {\"maxLength\": 2}}}", "/not/propertyNames", "not of propertyNames");
        // inside the complement of an object or array schema, a refusal names the document's keyword, not a synthetic branch
        unsupported("{\"not\": {\"properties\": {\"a\": {\"additionalProperties\": {\"type\": \"string\"}}}}}",
                "/not/properties/a/additionalProperties", "not of additionalProperties");
        unsupported("{\"if\": {\"required\": [\"k\"], \"properties\": {\"k\": {\"patternProperties\": {\"x\": {\"minimum\": 1}}}}},"
                + " \"then\": {\"required\": [\"b\"]}}", "/if/properties/k/patternProperties", "not of patternProperties");
        unsupported("{\"not\": {\"prefixItems\": [{}, {\"uniqueItems\": true}]}}", "/not/prefixItems/1/uniqueItems", "not of uniqueItems");
        unsupported("{\"not\": {\"contains\": {\"items\": {\"maxContains\": 1, \"contains\": {}}}}}",
                "/not/contains/items/maxContains", "not of maxContains");
        unsupported("{\"not\": {\"prefixItems\": [{\"type\": \"null\"}], \"items\": {\"type\": \"integer\"}}}", "/not/items",
                "after 1 positional schemas");
        unsupported("{\"not\": {\"contains\": {}, \"minContains\": 2}}", "/not/minContains", "not of minContains above 1");
        unsupported("{\"if\": {\"anyOf\": [{\"type\": \"string\"}]}, \"then\": {\"maxLength\": 2}}", "/if", "if/then/else is supported only");
        // a key schema whose branches multiply (13 anyOfs of two branches: 8,192 conjunctions) is refused
        String anyOfs = String.join(", ", java.util.Collections.nCopies(13, "{\"anyOf\": [{\"minLength\": 1}, {\"maxLength\": 5}]}"));
        unsupported("{\"type\": \"object\", \"propertyNames\": {\"allOf\": [" + anyOfs + "]}}", "/propertyNames",
                "more than 4096 conjunctions");
        // and one that recurses through not (anyOf of nots of itself) is refused at the depth limit, not taken apart for ever
        unsupported("{\"$defs\": {\"a\": {\"anyOf\": [{\"not\": {\"$ref\": \"#/$defs/a\"}}, {\"minLength\": 1, \"not\": {\"$ref\": \"#/$defs/a\"}}]}},"
                + " \"type\": \"object\", \"propertyNames\": {\"$ref\": \"#/$defs/a\"}}", "/$defs/a/anyOf/0/not", "deeper than 32");
        unsupported("{\"$defs\": {\"a\": {\"not\": {\"$ref\": \"#/$defs/a\"}}}, \"type\": \"object\", \"propertyNames\": {\"$ref\": \"#/$defs/a\"}}",
                "/$defs/a/not", "deeper than 32");
        // the complement of a draft-04 tuple: positions before the negated one are {} (draft-04 has no boolean schemas)
        Grammar tuple = Grammar.jsonSchema("{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"array\","
                + " \"not\": {\"items\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}}", V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(tuple, "[1]"));
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(tuple, "[\"a\", \"b\"]"));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(tuple, "[\"a\", 1]") >= 0);
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(tuple, "[\"a\"]") >= 0);
        // inside propertyNames the same if is exact (key languages are regular): it compiles
        Grammar keys = Grammar.jsonSchema("{\"type\": \"object\", \"propertyNames\": {\"if\": {\"anyOf\": [{\"pattern\": \"^a\"}]},"
                + " \"then\": {\"maxLength\": 2}}}", V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(keys, "{\"ab\": 1, \"xyz\": 2}"));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(keys, "{\"abc\": 1}") >= 0);
        // not {not X} is X: a refusal inside X names X's keyword in the document
        unsupported("{\"not\": {\"not\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"uniqueItems\": true}}}",
                "/not/not/uniqueItems", "equality of other items");
        unsupported("{\"not\": {\"enum\": [[1], 2]}}", "/not/enum", "not of an enum/const holding");
        unsupported("{\"oneOf\": [{\"type\": \"integer\"}, {\"minimum\": 0}]}", "/oneOf", "not provably disjoint");
        unsupported("{\"dependentRequired\": {\"a\": [\"z\"], \"b\": [\"z\"], \"c\": [\"z\"], \"d\": [\"z\"], \"e\": [\"z\"],"
                + " \"f\": [\"z\"], \"g\": [\"z\"], \"h\": [\"z\"], \"i\": [\"z\"]}}", "/dependentRequired", "with 9 entries");
        unsupported("{\"dependencies\": {\"a\": [\"b\"]}}", "/dependencies", "not supported"); // 2020-12: not a keyword here
        unsupported("{\"$defs\": {\"x\": {\"unevaluatedProperties\": false}}, \"$ref\": \"#/$defs/x\"}",
                "/$defs/x/unevaluatedProperties", "not supported");
        unsupported("{\"$ref\": \"https://example.com/other.json\"}", "/$ref", "outside this schema");
        unsupported("{\"$schema\": \"https://example.com/my-meta\"}", "/$schema", "unknown $schema");
        unsupported("{\"type\": \"number\", \"multipleOf\": 1.0007, \"minimum\": 0, \"maximum\": 100000}", "/multipleOf",
                "multipleOf 1.0007 (10007 / 10^4) needs more than 10002 automaton states");
        unsupported("{\"properties\": {\"x\": {\"type\": \"integer\", \"multipleOf\": 10007}}}", "/properties/x/multipleOf",
                "multipleOf 10007 over the integers from 0 needs more than 10002 automaton states");
        // the state budget is the schema's: the second large automaton is refused, naming what the first left
        unsupported("{\"properties\": {\"a\": {\"type\": \"integer\", \"multipleOf\": 6007}, \"b\": {\"type\": \"integer\","
                + " \"multipleOf\": 6011}}}", "/properties/b/multipleOf", "3993 left after its other multipleOf automata");
        unsupported("{\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"uniqueItems\": true}", "/uniqueItems",
                "equality of other items");
        unsupported("{\"type\": \"array\", \"items\": {\"enum\": [1, 2, 3, 4, 5, 6, 7, 8]}, \"uniqueItems\": true}", "/uniqueItems",
                "sequences of distinct items");
        unsupported("{\"type\": \"object\", \"patternProperties\": {\"a\": {}, \"b\": {}, \"c\": {}, \"d\": {}, \"e\": {}}}",
                "/patternProperties/e", "more than 4 patternProperties");
        unsupported("{\"enum\": [{\"a\": 1}, 2], \"properties\": {\"a\": {\"type\": \"string\"}}}", "",
                "const/enum (/enum) together");
        unsupported("{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"enum\": [1, 2], \"minimum\": 2}", "/minimum",
                "const/enum (/enum) together");
    }

    @Test
    void forcedOrderRefusesAMinPropertiesOnlyAdditionalKeysCouldReach() {
        String schema = "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}},"
                + " \"additionalProperties\": {\"type\": \"integer\"}, \"minProperties\": 2}";
        GrammarException e = assertThrows(GrammarException.class, () -> Grammar.jsonSchema(schema, V,
                JsonSchemaOptions.DEFAULT.withAnyOrder(false), GrammarLimits.DEFAULT));
        assertEquals(GrammarException.Kind.UNSUPPORTED, e.kind(), e.getMessage());
        assertEquals("/minProperties", e.pointer(), e.getMessage());
        assertTrue(e.getMessage().contains("any key order"), e.getMessage());
        // in any order the same schema compiles: {"a": 1, "b": 2} is one of its objects
        Grammar g = Grammar.jsonSchema(schema, V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(g, "{\"a\": 1, \"b\": 2}"));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(g, "{\"a\": 1}") >= 0);
    }

    @Test
    void ordinaryKeywordsThatAssertNothingAreIgnored() {
        Grammar g = Grammar.jsonSchema("{\"title\": \"t\", \"description\": \"d\", \"$comment\": \"c\", \"examples\": [1],"
                + " \"default\": 2, \"deprecated\": true, \"readOnly\": true, \"contentMediaType\": \"text/plain\", \"x-vendor\": 1,"
                + " \"type\": \"integer\", \"minimum\": 0, \"maximum\": 3}", V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(g, "3"));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(g, "4") >= 0);
    }

    @Test
    void recursionWithoutABaseCaseAcceptsNothing() {
        GrammarException e = error("{\"$defs\": {\"a\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/a\"}, \"minItems\": 1}},"
                + " \"$ref\": \"#/$defs/a\"}");
        assertEquals(GrammarException.Kind.INVALID, e.kind(), e.getMessage());
    }

    @Test
    void aDeepChainOfRefsCompilesWithoutOverflowingTheStack() {
        StringBuilder s = new StringBuilder("{\"$defs\": {");
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            s.append("\"d").append(i).append("\": {\"$ref\": \"#/$defs/d").append(i + 1).append("\"}, ");
        }
        s.append("\"d").append(n).append("\": {\"const\": 1}}, \"$ref\": \"#/$defs/d0\"}");
        Grammar g = Grammar.jsonSchema(s.toString(), V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(g, "1"));
        // and nested properties as deep as the reader allows, each its own rule
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            deep.append("{\"type\": \"array\", \"maxItems\": 1, \"items\": ");
        }
        deep.append("{\"type\": \"null\"}").append("}".repeat(200));
        Grammar d = Grammar.jsonSchema(deep.toString(), V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(d, "[".repeat(200) + "]".repeat(200)));
    }

    @Test
    void aDoubleNegationIsItsSchema() {
        Grammar twice = Grammar.jsonSchema("{\"not\": {\"not\": {\"type\": \"string\", \"maxLength\": 2}}}", V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(twice, "\"ab\""));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(twice, "\"abc\"") >= 0);
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(twice, "1") >= 0);
        // the complement of "every item is not 1" (items: {not: ...} negated by De Morgan): arrays holding a 1
        Grammar holds = Grammar.jsonSchema("{\"type\": \"array\", \"not\": {\"items\": {\"not\": {\"const\": 1}}}}", V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(holds, "[1]"));
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(holds, "[2, 1.0]"));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(holds, "[]") >= 0);
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(holds, "[2]") >= 0);
        // inside propertyNames too
        Grammar keys = Grammar.jsonSchema("{\"type\": \"object\", \"propertyNames\": {\"not\": {\"not\": {\"pattern\": \"^a\"}}}}", V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(keys, "{\"ab\": 1}"));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(keys, "{\"b\": 1}") >= 0);
    }

    @Test
    void negatedMultiplesSpendTheSchemasAutomatonBudget() {
        // within the budget (6007 + 2 states): compiles, and removes exactly the multiples
        Grammar one = Grammar.jsonSchema("{\"type\": \"integer\", \"not\": {\"multipleOf\": 6007}}", V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(one, "6008"));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(one, "12014") >= 0);
        // two negated multipleOf leaves that together exceed it: the second is refused at its own pointer
        unsupported("{\"type\": \"integer\", \"not\": {\"multipleOf\": 6007}, \"allOf\": [{\"not\": {\"multipleOf\": 6011}}]}",
                "/allOf/0/not/multipleOf", "3993 left after its other multipleOf automata");
        // an outer multipleOf and a negated one share the budget too
        unsupported("{\"type\": \"integer\", \"multipleOf\": 6007, \"not\": {\"multipleOf\": 6011}}",
                "/not/multipleOf", "3993 left after its other multipleOf automata");
        // and a negated one in one property, an outer one in another
        unsupported("{\"properties\": {\"a\": {\"type\": \"integer\", \"not\": {\"multipleOf\": 6007}},"
                + " \"b\": {\"type\": \"integer\", \"multipleOf\": 6011}}}", "/properties/b/multipleOf", "3993 left");
        // an enum is matched against a negated language without building it into the grammar: no budget spent
        Grammar e = Grammar.jsonSchema("{\"enum\": [6007, 6008], \"not\": {\"multipleOf\": 6007},"
                + " \"allOf\": [{\"not\": {\"multipleOf\": 6011}}]}", V);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(e, "6008"));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(e, "6007") >= 0);
    }

    @Test
    void whitespacePatternsMustOnlyHoldJsonWhitespace() {
        String schema = "{\"type\": \"array\", \"items\": {\"type\": \"null\"}}";
        Grammar g = Grammar.jsonSchema(schema, V, JsonSchemaOptions.DEFAULT.withWhitespacePattern("[ ]?"), GrammarLimits.DEFAULT);
        assertEquals(-1, JsonSchemaCorpusTest.rejectedAtByte(g, " [ null, null ] "));
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(g, "[  null]") >= 0);
        assertTrue(JsonSchemaCorpusTest.rejectedAtByte(g, "[\nnull]") >= 0);
        GrammarException e = assertThrows(GrammarException.class, () -> Grammar.jsonSchema(schema, V,
                JsonSchemaOptions.DEFAULT.withWhitespacePattern("[ a]*"), GrammarLimits.DEFAULT));
        assertEquals(GrammarException.Kind.INVALID, e.kind());
        assertThrows(IllegalArgumentException.class, () -> new JsonSchemaOptions(true, JsonSchemaOptions.Whitespace.PATTERN,
                20, null, false, true));
    }
}
