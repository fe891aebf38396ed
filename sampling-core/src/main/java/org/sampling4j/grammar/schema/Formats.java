package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.List;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Expr;

/**
 * PLACEHOLDER until the leaves helper's version lands (same signature): the decoded-string language of a
 * {@code format}. Here only {@code uuid} (RFC 4122 text form, hex in either case); every other name is
 * UNSUPPORTED.
 */
final class Formats {
    private Formats() {
    }

    static Expr decoded(String format, String pointer) {
        if (format.equals("uuid")) {
            Expr hex = new Expr.Chars(CharRanges.normalize('0', '9', 'A', 'F', 'a', 'f'));
            List<Expr> items = new ArrayList<>();
            int[] groups = {8, 4, 4, 4, 12};
            for (int i = 0; i < groups.length; i++) {
                if (i > 0) {
                    items.add(new Expr.Literal("-"));
                }
                items.add(new Expr.Repeat(hex, groups[i], groups[i]));
            }
            return new Expr.Seq(items);
        }
        throw SchemaException.unsupported(pointer, "format " + JsonQuote.of(format) + " (pending the leaves' formats)");
    }
}
