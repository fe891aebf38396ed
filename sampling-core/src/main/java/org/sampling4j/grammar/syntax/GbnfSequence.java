package org.sampling4j.grammar.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * One sequence of a GBNF alternative while {@link GbnfParser} reads it: the items so far, whether
 * the last one can take a quantifier (llama.cpp's {@code last_sym_start < rule.size()}: false at
 * the start, after {@code ""}, {@code []} or {@code x{0}}), and llama.cpp's {@code n_prev_rules}
 * estimate of how many rules the last item expands to, which its repetition threshold multiplies.
 */
final class GbnfSequence {
    private final GbnfScanner in;
    private final List<Expr> items = new ArrayList<>();
    private boolean hasLast;
    private long previousRules = 1;

    GbnfSequence(GbnfScanner in) {
        this.in = in;
    }

    /** Appends an item ({@code null}: one that emits nothing) counting {@code rules} generated rules. */
    void item(Expr item, long rules) {
        previousRules = rules;
        hasLast = item != null;
        if (item != null) {
            items.add(item);
        }
    }

    /**
     * Applies {@code {min,max}} to the last item; {@code total} is llama.cpp's count of rules the
     * repetition generates (max if bounded and positive, else min, at least 1).
     */
    void repeatLast(int at, int min, int max, long total) {
        if (!hasLast) {
            throw in.invalid(at, "expecting an item before the quantifier (nothing to repeat: start of a "
                    + "sequence, \"\", [] or x{0} before it)");
        }
        if (previousRules * total >= GbnfParser.MAX_REPETITION) {
            throw in.invalid(at, "repetition expands to " + previousRules * total + " rules, llama.cpp's limit is "
                    + GbnfParser.MAX_REPETITION + " (reduce the count or the repeated item)");
        }
        previousRules *= total;
        Expr last = items.remove(items.size() - 1);
        if (max == 0) {
            hasLast = false; // llama.cpp removes the item and emits no rule
        } else if (min == 1 && max == 1) {
            items.add(last);
        } else {
            items.add(new Expr.Repeat(last, min, max));
        }
    }

    Expr build() {
        return items.size() == 1 ? items.get(0) : new Expr.Seq(items);
    }
}
