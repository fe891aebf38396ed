package org.sampling4j.grammar.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The choice grammar (vLLM's {@code structured_outputs.choice}): the language is exactly the given
 * strings. {@code root ::= "c0" | "c1" | ...}; the empty string is a valid choice and duplicates
 * are allowed (they change nothing). An empty list is {@link SyntaxException.Kind#INVALID}: it
 * would accept no string. Positions in errors are line 1, column = 1-based index of the choice.
 */
public final class Choices {
    private Choices() {
    }

    /**
     * The grammar whose strings are {@code choices}.
     *
     * @throws SyntaxException INVALID for an empty list, a null choice or one with a lone surrogate
     */
    public static Cfg of(List<String> choices) {
        Objects.requireNonNull(choices, "choices");
        if (choices.isEmpty()) {
            throw new SyntaxException(SyntaxException.Kind.INVALID, 1, 1, "no choices: the grammar would accept no string");
        }
        List<Expr> options = new ArrayList<>(choices.size());
        for (int i = 0; i < choices.size(); i++) {
            String c = choices.get(i);
            if (c == null) {
                throw new SyntaxException(SyntaxException.Kind.INVALID, 1, i + 1, "choice " + i + " is null");
            }
            try {
                options.add(new Expr.Literal(c));
            } catch (IllegalArgumentException e) {
                throw new SyntaxException(SyntaxException.Kind.INVALID, 1, i + 1, "choice " + i + ": " + e.getMessage());
            }
        }
        return Cfg.single(options.size() == 1 ? options.get(0) : new Expr.Alt(options));
    }
}
