package org.sampling4j.grammar.syntax;

import java.util.ArrayList;
import java.util.List;

/** Builds the expression of a regex sequence: adjacent literals merge into one {@link Expr.Literal}. */
final class RegexSequences {
    private RegexSequences() {
    }

    static Expr build(List<Expr> items) {
        List<Expr> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Expr item : items) {
            if (item instanceof Expr.Literal lit) {
                text.append(lit.text());
                continue;
            }
            if (text.length() > 0) {
                out.add(new Expr.Literal(text.toString()));
                text.setLength(0);
            }
            if (!(item instanceof Expr.Seq seq && seq.items().isEmpty())) {
                out.add(item);
            }
        }
        if (text.length() > 0) {
            out.add(new Expr.Literal(text.toString()));
        }
        return out.size() == 1 ? out.get(0) : new Expr.Seq(out);
    }
}
