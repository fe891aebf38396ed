#!/usr/bin/env python3
"""Writes the hand-written JSON Schema corpus: one JSON file per entry below (schema, valid, invalid, and
optional valid_texts / invalid_texts / outside_texts (valid
instances the options exclude, e.g. whitespace) / options / refused). Each entry is written by hand; this script only
saves retyping the file boilerplate. Run from this directory: python3 make_schema_corpus.py"""
import json, os

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "org", "sampling4j", "grammar", "schema")
D4 = "http://json-schema.org/draft-04/schema#"
D6 = "http://json-schema.org/draft-06/schema#"
D7 = "http://json-schema.org/draft-07/schema#"
D19 = "https://json-schema.org/draft/2019-09/schema"
D20 = "https://json-schema.org/draft/2020-12/schema"
E = []

def add(name, schema, valid, invalid, **kw):
    e = {"schema": schema, "valid": valid, "invalid": invalid}
    e.update(kw)
    E.append((name, e))

def obj(props, required=(), **kw):
    s = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        s["required"] = list(required)
    s.update(kw)
    return s

# --- type alone and in lists
add("type-null", {"type": "null"}, [None], [0, "null", False, {}])
add("type-boolean", {"type": "boolean"}, [True, False], [None, 0, "true"], invalid_texts=["True", "tru"])
add("type-string", {"type": "string"}, ["", "abc", "é∑😀", "a\"b\\c\n"], [1, None, ["a"]],
    valid_texts=['"\\u00e9\\u00E9"', '"\\ud83d\\ude00"', '"\\/\\b\\f\\n\\r\\t"', ' "x" '], invalid_texts=['"\\x"', '"a', "'a'"])
add("type-integer", {"type": "integer"}, [0, -1, 123456789012345678901234567890, 7], [1.5, "1", None],
    valid_texts=["-0", "10.0", "  42\n"], invalid_texts=["01", "+1", "1.", ".5", "--1"])
add("type-number", {"type": "number"}, [0, -1.5, 3.14159, 10, 0.000001], ["1", None, True],
    valid_texts=["1e5", "-2.5E-3", "0.0", "1E+2"], invalid_texts=["1e", "NaN", "Infinity", "0x10", "1.2.3"])
add("type-list-string-null", {"type": ["string", "null"]}, ["a", None, ""], [1, True, []])
add("type-list-integer-boolean", {"type": ["integer", "boolean"]}, [1, True, -3], [1.5, None, "x"])
add("type-list-number-string", {"type": ["number", "string"]}, [1.25, "x", 3], [None, False])
add("type-list-all-scalars", {"type": ["null", "boolean", "string", "number"]}, [None, True, "s", 1.5], [[], {}])

# --- enum and const
add("enum-strings", {"enum": ["red", "green", "blue"]}, ["red", "blue"], ["Red", "yellow", "", 1],
    valid_texts=['"\\u0072ed"', '"gr\\u0065en"'])
add("enum-mixed", {"enum": ["a", 1, None, True, 2.5]}, ["a", 1, None, True, 2.5], ["b", 2, False, 2.4],
    valid_texts=["1.0", "2.50"])
add("enum-escapes", {"enum": ["a\"b", "tab\there", "é", "😀", "back\\slash"]}, ["a\"b", "tab\there", "é", "😀", "back\\slash"],
    ["ab", "tab here", "e"], valid_texts=['"\\u00E9"', '"\\uD83D\\uDE00"', '"a\\u0022b"'])
add("enum-with-type", {"type": "string", "enum": ["x", "y", 3]}, ["x", "y"], [3, "z"])
add("const-string", {"const": "fixed"}, ["fixed"], ["Fixed", "fixed ", 1])
add("const-number", {"const": 42}, [42], [43, "42", 42.5], valid_texts=["42.0", "42.000"])
add("const-negative-fraction", {"const": -0.5}, [-0.5], [0.5, -0.55], valid_texts=["-0.50"])
add("const-null", {"const": None}, [None], [0, "null", False])
add("const-object", {"const": {"a": 1, "b": "x"}}, [{"a": 1, "b": "x"}], [{"a": 1}, {"a": 1, "b": "y"}, {"a": 1, "b": "x", "c": 0}],
    valid_texts=['{"b":"x","a":1}', '{ "a" : 1.0 , "b" : "x" }'])
add("const-array", {"const": [1, "two", None]}, [[1, "two", None]], [[1, "two"], ["two", 1, None], [1, "two", None, None]])
add("enum-objects", {"enum": [{"k": "a"}, {"k": "b", "n": 1}]}, [{"k": "a"}, {"k": "b", "n": 1}], [{"k": "c"}, {"k": "a", "n": 1}])
add("const-zero", {"const": 0}, [0], [1, -1], valid_texts=["-0", "0.0", "-0.0"])

# --- strings
add("string-minLength", {"type": "string", "minLength": 3}, ["abc", "abcd", "ééé"], ["", "ab", "é"])
add("string-maxLength", {"type": "string", "maxLength": 2}, ["", "a", "ab", "😀😀"], ["abc", "😀😀😀"],
    valid_texts=['"\\n\\t"', '"\\u00e9x"'])
add("string-length-range", {"type": "string", "minLength": 2, "maxLength": 4}, ["ab", "abcd"], ["a", "abcde"])
add("string-exact-length", {"type": "string", "minLength": 3, "maxLength": 3}, ["abc", "é😀x"], ["ab", "abcd"])
add("string-maxLength-zero", {"type": "string", "maxLength": 0}, [""], ["a"])
add("string-pattern-anchored", {"type": "string", "pattern": "^[a-z]+$"}, ["abc", "z"], ["", "abC", "ab1"])
add("string-pattern-code", {"type": "string", "pattern": "^[A-Z]{3}-[0-9]{2}$"}, ["ABC-12"], ["AB-12", "ABC-123", "abc-12"])
add("string-pattern-unanchored", {"type": "string", "pattern": "ab+c"}, ["abc", "xxabbbcyy"], ["ac", "ab", "xyz"])
add("string-pattern-prefix", {"type": "string", "pattern": "^id_"}, ["id_", "id_42"], ["xid_", "ID_"])
add("string-pattern-suffix", {"type": "string", "pattern": "[0-9]$"}, ["a1", "9"], ["a", "1a"])
add("string-pattern-alternation", {"type": "string", "pattern": "^(cat|dog)s?$"}, ["cat", "dogs"], ["cow", "cats!"])
add("string-format-uuid", {"type": "string", "format": "uuid"}, ["123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000"],
    ["123e4567-e89b-12d3-a456-42661417400", "not-a-uuid"])
add("string-format-annotation", {"type": "string", "format": "email", "maxLength": 5}, ["nope", "a@b"], ["toolong", 5],
    options={"format": "annotation"})
add("string-format-date-time", {"type": "string", "format": "date-time"}, ["2024-01-02T03:04:05Z"], ["yesterday"],
    refused="format")
add("string-pattern-and-length", {"type": "string", "pattern": "^[a-z]+$", "maxLength": 3}, ["abc"], ["abcd", "AB"],
    refused="combining")
add("string-pattern-lookahead", {"type": "string", "pattern": "^(?=a)[a-z]+$"}, ["abc"], ["bc"], refused="pattern")

# --- integers and numbers
add("integer-minimum-0", {"type": "integer", "minimum": 0}, [0, 1, 99999999999999999999], [-1, 0.5], valid_texts=["-0"])
add("integer-minimum-1", {"type": "integer", "minimum": 1}, [1, 2, 100], [0, -5])
add("integer-exclusiveMinimum-0", {"type": "integer", "exclusiveMinimum": 0}, [1, 7], [0, -1])
add("integer-range", {"type": "integer", "minimum": 1, "maximum": 10}, [1, 5, 10], [0, 11, 5.5], valid_texts=["10.0"])
add("integer-exclusive-range", {"type": "integer", "exclusiveMinimum": 1, "exclusiveMaximum": 5}, [2, 4], [1, 5])
add("integer-negative-range", {"type": "integer", "minimum": -5, "maximum": 5}, [-5, 0, 5], [-6, 6], valid_texts=["-0"])
add("integer-multipleOf-range", {"type": "integer", "minimum": 0, "maximum": 100, "multipleOf": 25}, [0, 25, 100], [10, 125, -25])
add("integer-fraction-bounds", {"type": "integer", "minimum": 0.5, "maximum": 3.5}, [1, 3], [0, 4])
add("integer-draft04", {"$schema": D4, "type": "integer"}, [1, -7], [1.5, "1"], invalid_texts=["1.0"])
add("integer-draft06-one-point-zero", {"$schema": D6, "type": "integer"}, [1], [1.5], valid_texts=["1.0"])
add("integer-draft04-exclusive-boolean", {"$schema": D4, "type": "integer", "minimum": 0, "exclusiveMinimum": True, "maximum": 3},
    [1, 3], [0, 4])
add("number-minimum-0", {"type": "number", "minimum": 0}, [0, 0.5, 12.25], [-0.5, -1], valid_texts=["1e3", "-0.0"])
add("number-large-range", {"type": "number", "minimum": -1000, "maximum": 1000}, [0.5, -999.9], [1000.5], refused="number")
add("integer-maximum-only", {"type": "integer", "maximum": 100}, [100, -3], [101], refused="integer")
add("number-multipleOf-fraction", {"type": "number", "multipleOf": 0.5}, [1.5], [1.2], refused="multipleOf")
add("number-multipleOf-integer", {"type": "number", "minimum": 0, "maximum": 20, "multipleOf": 10}, [0, 10, 20], [5, 30],
    valid_texts=["10.0"])

# --- objects
add("object-one-required", obj({"name": {"type": "string"}}, ["name"]), [{"name": "x"}], [{}, {"name": 1}, {"name": "x", "extra": 1}],
    valid_texts=['{"na\\u006de":"x"}', '{"name":""}'])
add("object-optional", obj({"a": {"type": "integer"}, "b": {"type": "boolean"}}), [{}, {"a": 1}, {"b": True}, {"a": 1, "b": False}],
    [{"a": "1"}, {"c": 1}], valid_texts=['{"b":true,"a":2}', '{\n  "b" : true ,\n  "a" : 2\n}'], invalid_texts=['{"a":1,"a":2}', '{"a":1,}'])
add("object-three-keys", obj({"x": {"type": "number"}, "y": {"type": "number"}, "z": {"type": "number"}}, ["x", "y"]),
    [{"x": 1, "y": 2}, {"z": 0, "y": 1, "x": 2}], [{"x": 1}, {"x": 1, "y": 2, "w": 3}], invalid_texts=['{"x":1,"y":2,"x":3}'])
add("object-nested", obj({"user": obj({"id": {"type": "integer", "minimum": 1}, "name": {"type": "string", "maxLength": 20}}, ["id"])}, ["user"]),
    [{"user": {"id": 1}}, {"user": {"name": "ada", "id": 2}}], [{"user": {"id": 0}}, {"user": {}}, {}])
add("object-minProperties", obj({"a": {"type": "null"}, "b": {"type": "null"}}, minProperties=1), [{"a": None}, {"a": None, "b": None}], [{}])
add("object-maxProperties", obj({"a": {"type": "null"}, "b": {"type": "null"}, "c": {"type": "null"}}, maxProperties=1), [{}, {"c": None}],
    [{"a": None, "b": None}])
add("object-property-false", {"type": "object", "properties": {"a": {"type": "integer"}, "secret": False}, "additionalProperties": False},
    [{}, {"a": 1}], [{"secret": 1}])
add("object-required-false-property", {"type": "object", "properties": {"a": False, "b": {"type": "null"}}, "required": ["b"],
    "additionalProperties": False}, [{"b": None}], [{"a": 1, "b": None}, {}])
add("object-empty-only", {"type": "object", "additionalProperties": False}, [{}], [{"a": 1}, []])
add("object-strict-option", {"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"]}, [{"q": "x"}], [{}, {"q": 1}],
    options={"strict": True})
add("object-default-additional", {"type": "object", "properties": {"q": {"type": "string"}}}, [{"q": "x", "extra": 1}], [{"q": 1}],
    refused="JsonObject")
add("object-additional-schema", {"type": "object", "additionalProperties": {"type": "integer"}}, [{"a": 1}], [{"a": "x"}],
    refused="JsonObject")
add("object-patternProperties", {"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False},
    [{"x-a": "s"}], [{"y": 1}], refused="patternProperties")
add("object-propertyNames-false", {"type": "object", "propertyNames": False}, [{}], [{"a": 1}])
add("object-key-escapes", obj({"a\"b": {"type": "integer"}, "é/~": {"type": "integer"}}), [{"a\"b": 1}, {"é/~": 2}], [{"ab": 1}],
    valid_texts=['{"a\\u0022b":1}', '{"\\u00e9\\/~":2}'])
add("object-forced-order-api", {"type": "object", "properties": {
    "id": {"type": "integer", "minimum": 1}, "email": {"type": "string", "maxLength": 64}, "active": {"type": "boolean"},
    "role": {"enum": ["admin", "user", "guest"]}, "score": {"type": "number"}}, "required": ["id", "email"], "additionalProperties": False},
    [{"id": 1, "email": "a@b.c"}, {"id": 2, "email": "x", "active": True, "role": "user", "score": 1.5}],
    [{"email": "x"}, {"id": 0, "email": "x"}, {"id": 1, "email": "x", "role": "root"}], options={"any_order": False})
add("object-forced-order-minmax", {"type": "object", "properties": {"a": {"type": "null"}, "b": {"type": "null"}, "c": {"type": "null"},
    "d": {"type": "null"}}, "minProperties": 2, "maxProperties": 3, "additionalProperties": False},
    [{"a": None, "b": None}, {"b": None, "c": None, "d": None}], [{"a": None}, {"a": None, "b": None, "c": None, "d": None}],
    options={"any_order": False})
add("object-many-keys-any-order", obj({"a": {"type": "null"}, "b": {"type": "null"}, "c": {"type": "null"}, "d": {"type": "null"}}),
    [{"a": None}], [{"e": None}], refused="JsonObject")

# --- arrays
add("array-items-integer", {"type": "array", "items": {"type": "integer"}}, [[], [1], [1, 2, 3]], [[1.5], ["a"], {}],
    valid_texts=["[ 1 , 2 ]", "[\n1,\n2\n]"], invalid_texts=["[1,]", "[,1]", "[1 2]"])
add("array-minItems", {"type": "array", "items": {"type": "boolean"}, "minItems": 2}, [[True, False], [True, True, True]], [[], [True]])
add("array-maxItems", {"type": "array", "items": {"type": "null"}, "maxItems": 2}, [[], [None], [None, None]], [[None, None, None]])
add("array-exact-count", {"type": "array", "items": {"type": "integer"}, "minItems": 3, "maxItems": 3}, [[1, 2, 3]], [[1, 2], [1, 2, 3, 4]])
add("array-prefixItems", {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": False},
    [[], ["a"], ["a", 1]], [[1], ["a", "b"], ["a", 1, 2]])
add("array-prefixItems-rest", {"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "integer"}, "minItems": 2},
    [["a", 1], ["a", 1, 2]], [["a"], ["a", "b"], [1, 1]])
add("array-draft07-tuple", {"$schema": D7, "type": "array", "items": [{"type": "integer"}, {"type": "boolean"}], "additionalItems": False},
    [[1], [1, True]], [[True], [1, True, 3]])
add("array-draft07-tuple-additional", {"$schema": D7, "type": "array", "items": [{"type": "string"}], "additionalItems": {"type": "null"}},
    [["a"], ["a", None, None]], [["a", 1]])
add("array-items-false", {"type": "array", "items": False}, [[]], [[1], [None]])
add("array-nested", {"type": "array", "items": {"type": "array", "items": {"type": "integer", "minimum": 0}, "maxItems": 2}, "maxItems": 3},
    [[], [[]], [[1, 2], [3]]], [[[1, 2, 3]], [[-1]], [[], [], [], []]])
add("array-uniqueItems-single", {"type": "array", "items": {"type": "integer"}, "maxItems": 1, "uniqueItems": True}, [[], [5]], [[1, 2]])
add("array-uniqueItems", {"type": "array", "items": {"type": "integer"}, "uniqueItems": True}, [[1, 2]], [[1, 1]], refused="uniqueItems")
add("array-contains", {"type": "array", "items": {"type": "integer"}, "contains": {"const": 1}}, [[1]], [[2]], refused="contains")
add("array-of-enums", {"type": "array", "items": {"enum": ["a", "b"]}, "minItems": 1, "maxItems": 4}, [["a"], ["b", "a", "a"]], [[], ["c"]])
add("array-large-bounds", {"type": "array", "items": {"type": "boolean"}, "maxItems": 5000}, [[True]], [[1]], refused="automaton states")
add("array-medium-bounds", {"type": "array", "items": {"type": "boolean"}, "minItems": 3, "maxItems": 50}, [[True, True, False]], [[True], [1, 2, 3]])

# --- composition
add("anyOf-types", {"anyOf": [{"type": "string", "maxLength": 3}, {"type": "integer", "minimum": 0}]}, ["abc", 5], ["abcd", -1, None])
add("anyOf-with-sibling", {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "additionalProperties": False,
    "anyOf": [{"required": ["a"]}, {"required": ["b"]}]}, [{"a": 1}, {"b": 1}, {"a": 1, "b": 2}], [{}, {"a": "x"}])
add("anyOf-nullable", {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/p"}], "$defs": {"p": obj({"v": {"type": "boolean"}}, ["v"])}},
    [None, {"v": True}], [{}, False])
add("oneOf-disjoint-types", {"oneOf": [{"type": "boolean"}, {"type": "string"}]}, [True, "x"], [1, None])
add("oneOf-const-discriminator", {"oneOf": [
    obj({"kind": {"const": "circle"}, "r": {"type": "number", "minimum": 0}}, ["kind", "r"]),
    obj({"kind": {"const": "square"}, "side": {"type": "number", "minimum": 0}}, ["kind", "side"])]},
    [{"kind": "circle", "r": 1}, {"side": 2, "kind": "square"}], [{"kind": "circle", "side": 1}, {"kind": "tri"}])
add("oneOf-enum-disjoint", {"oneOf": [{"enum": ["a", "b"]}, {"enum": ["c"]}]}, ["a", "c"], ["d"])
add("oneOf-overlapping", {"oneOf": [{"type": "integer"}, {"type": "integer", "minimum": 0}]}, [-1], [1], refused="oneOf")
add("allOf-bounds", {"allOf": [{"type": "integer", "minimum": 0}, {"maximum": 10}, {"minimum": 2}]}, [2, 10], [1, 11])
add("allOf-objects", {"allOf": [obj({"a": {"type": "integer"}, "b": {}}, ["a"]), {"properties": {"b": {"type": "string"}}, "required": ["b"]}]},
    [{"a": 1, "b": "x"}], [{"a": 1}, {"a": 1, "b": 2}, {"b": "x"}])
add("allOf-types-intersect", {"allOf": [{"type": ["string", "integer"]}, {"type": ["integer", "null"]}]}, [1], ["a", None])
add("allOf-string-lengths", {"allOf": [{"type": "string", "minLength": 2}, {"maxLength": 3}]}, ["ab", "abc"], ["a", "abcd"])
add("allOf-ref-and-sibling", {"$defs": {"base": {"type": "integer", "minimum": 0}}, "allOf": [{"$ref": "#/$defs/base"}], "maximum": 3},
    [0, 3], [4, -1])
add("allOf-additional-false-meets-properties", {"allOf": [obj({"a": {"type": "integer"}}), {"properties": {"b": {"type": "integer"}}}]},
    [{}, {"a": 1}], [{"b": 1}])
add("not-type", {"type": ["string", "null"], "not": {"type": "null"}}, ["x"], [None])
add("enum-not-integer", {"enum": [1, 1.5, "a"], "not": {"type": "integer"}}, [1.5, "a"], [1, 1.0], valid_texts=["1.50"])
add("not-false", {"type": "boolean", "not": False}, [True], [1])
add("not-const", {"type": "string", "not": {"const": "x"}}, ["y"], ["x"], refused="not")
add("if-then-else", {"if": {"type": "string"}, "then": {"maxLength": 2}, "else": {"type": "integer"}}, ["ab", 1], ["abc"], refused="if")
add("if-true-then", {"type": "integer", "if": True, "then": {"minimum": 0, "maximum": 3}}, [0, 3], [-1, 4])
add("if-alone", {"type": "boolean", "if": {"const": True}}, [True, False], [1])
add("dependentRequired", {"type": "object", "dependentRequired": {"a": ["b"]}}, [{}], [{"a": 1}], refused="dependentRequired")

# --- references and recursion
add("ref-defs", {"$defs": {"pos": {"type": "integer", "minimum": 1}}, "type": "array", "items": {"$ref": "#/$defs/pos"}}, [[1, 2]], [[0]])
add("ref-definitions", {"definitions": {"s": {"type": "string", "maxLength": 1}}, "$ref": "#/definitions/s"}, ["a"], ["ab"])
add("ref-pointer-escapes", {"$defs": {"a/b": {"type": "null"}, "c~d": {"type": "boolean"}, "e%f": {"type": "string", "maxLength": 1}},
    "type": "array", "prefixItems": [{"$ref": "#/$defs/a~1b"}, {"$ref": "#/$defs/c~0d"}, {"$ref": "#/$defs/e%25f"}], "items": False},
    [[None, True, "x"]], [[True], [None, None]])
add("ref-anchor", {"$defs": {"x": {"$anchor": "flag", "type": "boolean"}}, "type": "array", "items": {"$ref": "#flag"}}, [[True]], [[1]])
add("ref-chain", {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/c"}, "c": {"const": "end"}}, "$ref": "#/$defs/a"},
    ["end"], ["x"])
add("ref-recursive-list", {"$defs": {"node": obj({"v": {"type": "integer"}, "next": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/node"}]}},
    ["v", "next"])}, "$ref": "#/$defs/node"},
    [{"v": 1, "next": None}, {"v": 1, "next": {"v": 2, "next": None}}], [{"v": 1}, {"v": 1, "next": {"v": "x", "next": None}}])
add("ref-recursive-tree", {"type": "object", "properties": {"name": {"type": "string", "maxLength": 8},
    "children": {"type": "array", "items": {"$ref": "#"}, "maxItems": 3}}, "required": ["name"], "additionalProperties": False},
    [{"name": "root"}, {"name": "a", "children": [{"name": "b", "children": []}, {"name": "c"}]}],
    [{"children": []}, {"name": "a", "children": [{}]}])
add("ref-recursive-expression", {"$defs": {"expr": {"anyOf": [{"type": "integer"},
    {"type": "array", "prefixItems": [{"enum": ["+", "*"]}, {"$ref": "#/$defs/expr"}, {"$ref": "#/$defs/expr"}], "items": False, "minItems": 3}]}},
    "$ref": "#/$defs/expr"}, [1, ["+", 1, ["*", 2, 3]]], [["+", 1], ["-", 1, 2], "1"])
add("ref-root-id", {"$id": "https://example.com/s.json", "$defs": {"n": {"type": "null"}}, "$ref": "https://example.com/s.json#/$defs/n"},
    [None], [1])
add("ref-draft07-siblings-ignored", {"$schema": D7, "definitions": {"i": {"type": "integer"}}, "$ref": "#/definitions/i", "minimum": 5},
    [1, 7], ["x"])
add("ref-2019-siblings-apply", {"$schema": D19, "$defs": {"i": {"type": "integer"}}, "$ref": "#/$defs/i", "minimum": 5}, [7], [1])

# --- boolean schemas and drafts
add("schema-true-scalar-list", {"type": "array", "items": {"type": ["boolean", "null"]}}, [[True, None]], [[1]])
add("draft04-basic", {"$schema": D4, "type": "object", "properties": {"n": {"type": "number", "maximum": 0, "exclusiveMaximum": True}},
    "required": ["n"], "additionalProperties": False}, [{"n": -1}], [{"n": 0}])
add("draft06-const", {"$schema": D6, "const": "v6"}, ["v6"], ["v7"])
add("draft07-basic", {"$schema": D7, "type": "string", "maxLength": 1}, ["a"], ["ab"])
add("draft2019-basic", {"$schema": D19, "type": "integer", "minimum": 1, "maximum": 2}, [1, 2], [3])
add("draft2020-prefixItems", {"$schema": D20, "type": "array", "prefixItems": [{"const": 1}], "items": False}, [[], [1]], [[2], [1, 1]])

# --- whitespace options
add("compact-object", obj({"a": {"type": "integer"}}, ["a"]), [{"a": 1}], [{"a": "1"}], outside_texts=['{ "a":1}', '{"a": 1}', ' {"a":1}'],
    options={"whitespace": "compact"})
add("flexible-whitespace-limit", {"type": "array", "items": {"type": "null"}}, [[None]],
    [[1]], valid_texts=["[" + " " * 20 + "null]"], outside_texts=["[" + " " * 21 + "null]", "[null" + "\n" * 21 + "]"])

# --- real-world shapes
add("tool-call-weather", obj({"location": {"type": "string", "minLength": 1, "maxLength": 80},
    "unit": {"enum": ["celsius", "fahrenheit"]}}, ["location"]),
    [{"location": "Paris"}, {"unit": "celsius", "location": "Oslo"}], [{"unit": "kelvin", "location": "x"}, {"location": ""}])
add("tool-call-search", {"type": "object", "properties": {"query": {"type": "string", "maxLength": 200}, "top_k": {"type": "integer", "minimum": 1,
    "maximum": 20}, "filters": {"type": "array", "items": {"type": "string", "maxLength": 30}, "maxItems": 5}}, "required": ["query"],
    "additionalProperties": False}, [{"query": "java"}, {"query": "x", "top_k": 3, "filters": ["a", "b"]}],
    [{"query": "x", "top_k": 0}, {"top_k": 2}, {"query": "x", "filters": [1]}], refused="automaton states")
add("tool-call-search-forced", {"type": "object", "properties": {"query": {"type": "string", "maxLength": 200}, "top_k": {"type": "integer",
    "minimum": 1, "maximum": 20}, "filters": {"type": "array", "items": {"type": "string", "maxLength": 30}, "maxItems": 5}}, "required": ["query"],
    "additionalProperties": False}, [{"query": "java"}, {"query": "x", "top_k": 3, "filters": ["a", "b"]}],
    [{"query": "x", "top_k": 0}, {"top_k": 2}, {"query": "x", "filters": [1]}], options={"any_order": False})
add("tool-call-forced", {"type": "object", "properties": {"function": {"const": "get_time"}, "arguments": obj({"tz": {"type": "string",
    "maxLength": 40}}, ["tz"]), "id": {"type": "string", "format": "uuid"}}, "required": ["function", "arguments"], "additionalProperties": False},
    [{"function": "get_time", "arguments": {"tz": "UTC"}}], [{"function": "x", "arguments": {"tz": "UTC"}}, {"function": "get_time"}])
add("config-server", {"type": "object", "properties": {"host": {"type": "string", "maxLength": 253}, "port": {"type": "integer", "minimum": 1,
    "maximum": 65535}, "tls": {"type": "boolean"}}, "required": ["host", "port"], "additionalProperties": False},
    [{"host": "localhost", "port": 8080}, {"tls": True, "port": 443, "host": "example.com"}], [{"host": "h", "port": 0}, {"host": "h", "port": 70000}])
add("config-logging", {"type": "object", "properties": {"level": {"enum": ["debug", "info", "warn", "error"]}, "targets": {"type": "array",
    "items": {"enum": ["stdout", "file"]}, "minItems": 1, "maxItems": 2}}, "required": ["level"], "additionalProperties": False},
    [{"level": "info"}, {"level": "warn", "targets": ["file"]}], [{"level": "trace"}, {"level": "info", "targets": []}])
add("api-payment", {"type": "object", "properties": {"amount": {"type": "integer", "minimum": 1, "maximum": 1000},
    "currency": {"enum": ["EUR", "USD", "JPY"]}, "note": {"type": ["string", "null"], "maxLength": 40}}, "required": ["amount", "currency"],
    "additionalProperties": False}, [{"amount": 5, "currency": "EUR"}, {"currency": "JPY", "amount": 1000, "note": None}],
    [{"amount": 0, "currency": "EUR"}, {"amount": 5, "currency": "GBP"}])
add("api-paginated-forced", {"type": "object", "properties": {"items": {"type": "array", "items": obj({"id": {"type": "integer", "minimum": 0},
    "title": {"type": "string", "maxLength": 50}}, ["id", "title"]), "maxItems": 10}, "page": {"type": "integer", "minimum": 1},
    "total": {"type": "integer", "minimum": 0}, "next": {"type": ["string", "null"], "maxLength": 100}}, "required": ["items", "page", "total"],
    "additionalProperties": False}, [{"items": [], "page": 1, "total": 0}, {"items": [{"id": 1, "title": "a"}], "page": 2, "total": 11, "next": None}],
    [{"items": [], "page": 0, "total": 0}, {"items": [{"id": 1}], "page": 1, "total": 1}], options={"any_order": False})
add("extraction-person", {"type": "object", "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 60},
    "age": {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 150}, {"type": "null"}]}, "emails": {"type": "array",
    "items": {"type": "string", "maxLength": 60}, "maxItems": 3}}, "required": ["name", "age"], "additionalProperties": False},
    [{"name": "Ada", "age": 36}, {"age": None, "name": "X", "emails": []}], [{"name": "Ada"}, {"name": "Ada", "age": 200}],
    refused="automaton states")
add("classification", {"type": "object", "properties": {"label": {"enum": ["positive", "negative", "neutral"]},
    "confidence": {"type": "number", "minimum": 0}}, "required": ["label", "confidence"], "additionalProperties": False},
    [{"label": "neutral", "confidence": 0.5}], [{"label": "meh", "confidence": 1}, {"label": "positive", "confidence": -1}])
add("geojson-point", {"type": "object", "properties": {"type": {"const": "Point"}, "coordinates": {"type": "array", "items": {"type": "number"},
    "minItems": 2, "maxItems": 3}}, "required": ["type", "coordinates"], "additionalProperties": False},
    [{"type": "Point", "coordinates": [1.5, -2]}, {"coordinates": [0, 0, 10], "type": "Point"}], [{"type": "Point", "coordinates": [1]}, {"type": "Line", "coordinates": [1, 2]}])
add("event-union", {"oneOf": [obj({"event": {"const": "click"}, "x": {"type": "integer", "minimum": 0}}, ["event", "x"]),
    obj({"event": {"const": "key"}, "code": {"type": "string", "maxLength": 10}}, ["event", "code"]),
    {"type": "null"}]}, [{"event": "click", "x": 3}, {"code": "Enter", "event": "key"}, None], [{"event": "click", "code": "x"}, {"event": "scroll"}])
add("menu-tree", {"$defs": {"item": obj({"label": {"type": "string", "maxLength": 12}, "sub": {"type": "array", "items": {"$ref": "#/$defs/item"},
    "maxItems": 2}}, ["label"])}, "type": "array", "items": {"$ref": "#/$defs/item"}, "maxItems": 3},
    [[], [{"label": "File", "sub": [{"label": "Open"}, {"label": "Recent", "sub": [{"label": "a"}]}]}]], [[{"sub": []}], [{"label": 1}]])
add("matrix", {"type": "array", "items": {"type": "array", "items": {"type": "integer", "minimum": -9, "maximum": 9}, "minItems": 2, "maxItems": 2},
    "minItems": 2, "maxItems": 2}, [[[1, 2], [3, 4]]], [[[1, 2]], [[1, 2], [3, 10]]])
add("strict-nested-forced", {"type": "object", "properties": {"meta": {"type": "object", "properties": {"v": {"type": "integer", "minimum": 0}}},
    "data": {"type": "array", "items": {"type": "string", "maxLength": 5}}}, "required": ["meta", "data"]},
    [{"meta": {}, "data": []}, {"meta": {"v": 1}, "data": ["a"]}], [{"meta": {"v": -1}, "data": []}, {"data": []}],
    options={"strict": True, "any_order": False})
add("nullable-enum", {"type": ["string", "null"], "enum": ["a", "b", None]}, ["a", None], ["c", 1])
add("deep-nesting", {"type": "array", "items": {"type": "array", "items": {"type": "array", "items": {"type": "array",
    "items": {"type": "boolean"}, "maxItems": 1}, "maxItems": 1}, "maxItems": 1}, "maxItems": 1}, [[], [[[[True]]]]], [[[[[1]]]]])

os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT):
    if f.endswith(".json"):
        os.remove(os.path.join(OUT, f))
for name, e in E:
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(e, f, ensure_ascii=False, indent=1)
        f.write("\n")
print(len(E), "schemas")
