package org.sampling4j.grammar.schema;

import java.util.Map;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.grammar.syntax.RegexParser;
import org.sampling4j.grammar.syntax.SyntaxException;

/**
 * ECMA-262 {@code \p{...}} (22.2.2.9 UnicodeMatchProperty): {@code General_Category} values by short or
 * long name (alone or after {@code gc=} / {@code General_Category=}), {@code Script} values after
 * {@code sc=} / {@code Script=}, and the binary properties listed in {@link #BINARY}; the sets come from
 * the JDK's Unicode tables through the regex front end. {@code scx=} (Script_Extensions) and other
 * properties are UNSUPPORTED.
 */
final class EcmaProperties {
    private static final Map<String, String> LONG_GC = Map.ofEntries(
            Map.entry("Letter", "L"), Map.entry("Cased_Letter", "LC"), Map.entry("Uppercase_Letter", "Lu"),
            Map.entry("Lowercase_Letter", "Ll"), Map.entry("Titlecase_Letter", "Lt"), Map.entry("Modifier_Letter", "Lm"),
            Map.entry("Other_Letter", "Lo"), Map.entry("Mark", "M"), Map.entry("Nonspacing_Mark", "Mn"),
            Map.entry("Spacing_Mark", "Mc"), Map.entry("Enclosing_Mark", "Me"), Map.entry("Number", "N"),
            Map.entry("Decimal_Number", "Nd"), Map.entry("digit", "Nd"), Map.entry("Letter_Number", "Nl"),
            Map.entry("Other_Number", "No"), Map.entry("Punctuation", "P"), Map.entry("punct", "P"),
            Map.entry("Connector_Punctuation", "Pc"), Map.entry("Dash_Punctuation", "Pd"),
            Map.entry("Open_Punctuation", "Ps"), Map.entry("Close_Punctuation", "Pe"),
            Map.entry("Initial_Punctuation", "Pi"), Map.entry("Final_Punctuation", "Pf"),
            Map.entry("Other_Punctuation", "Po"), Map.entry("Symbol", "S"), Map.entry("Math_Symbol", "Sm"),
            Map.entry("Currency_Symbol", "Sc"), Map.entry("Modifier_Symbol", "Sk"), Map.entry("Other_Symbol", "So"),
            Map.entry("Separator", "Z"), Map.entry("Space_Separator", "Zs"), Map.entry("Line_Separator", "Zl"),
            Map.entry("Paragraph_Separator", "Zp"), Map.entry("Other", "C"), Map.entry("Control", "Cc"),
            Map.entry("cntrl", "Cc"), Map.entry("Format", "Cf"), Map.entry("Surrogate", "Cs"),
            Map.entry("Private_Use", "Co"), Map.entry("Unassigned", "Cn"));
    private static final java.util.Set<String> SHORT_GC = java.util.Set.of("L", "LC", "Lu", "Ll", "Lt", "Lm", "Lo",
            "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm",
            "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn");
    /** Binary properties whose JDK {@code \p{IsX}} table is the Unicode property of the same name. */
    private static final java.util.Set<String> BINARY = java.util.Set.of("Alphabetic", "Ideographic", "Lowercase",
            "Uppercase", "White_Space", "Hex_Digit", "Join_Control", "Noncharacter_Code_Point");

    private EcmaProperties() {
    }

    /** The set named by the {@code {...}} at the cursor of {@code p} (just after {@code \p}). */
    static int[] property(EcmaParser p, int at) {
        if (p.cur() != '{') {
            throw p.invalid(at, "\\p must be followed by {name} in u mode");
        }
        int start = ++p.pos;
        while (p.cur() != '}') {
            if (p.cur() < 0) {
                throw p.invalid(at, "unterminated \\p{");
            }
            p.pos++;
        }
        String name = new String(p.t, start, p.pos - start);
        p.pos++;
        int eq = name.indexOf('=');
        if (eq >= 0) {
            String key = name.substring(0, eq);
            String value = name.substring(eq + 1);
            if (key.equals("gc") || key.equals("General_Category")) {
                return category(p, at, value);
            }
            if (key.equals("sc") || key.equals("Script")) {
                return jdk(p, at, "sc=" + value, name);
            }
            throw p.unsupported(at, "property \\p{" + name + "}");
        }
        if (SHORT_GC.contains(name) || LONG_GC.containsKey(name)) {
            return category(p, at, name);
        }
        if (name.equals("Any")) {
            return CharRanges.complement(new int[0]);
        }
        if (name.equals("ASCII")) {
            return new int[] {0, 0x7F};
        }
        if (name.equals("Assigned")) {
            return CharRanges.complement(jdk(p, at, "Cn", name));
        }
        if (BINARY.contains(name)) {
            return jdk(p, at, "Is" + name, name);
        }
        throw p.unsupported(at, "property \\p{" + name + "}");
    }

    private static int[] category(EcmaParser p, int at, String value) {
        String shortName = LONG_GC.getOrDefault(value, value);
        if (!SHORT_GC.contains(shortName)) {
            throw p.invalid(at, "unknown General_Category value " + value);
        }
        return jdk(p, at, shortName, value);
    }

    private static int[] jdk(EcmaParser p, int at, String javaName, String ecmaName) {
        try {
            Expr e = RegexParser.parse("\\p{" + javaName + "}").rootRule().body();
            if (e instanceof Expr.Chars c) {
                return c.ranges();
            }
        } catch (SyntaxException e) {
            // below
        }
        throw p.unsupported(at, "property \\p{" + ecmaName + "}: no JDK table for it");
    }
}
