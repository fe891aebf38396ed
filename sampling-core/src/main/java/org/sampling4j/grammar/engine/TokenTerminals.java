package org.sampling4j.grammar.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.grammar.syntax.SyntaxException;
import org.sampling4j.text.Vocabulary;

/**
 * The token terminals of a grammar, resolved against a vocabulary: each a sorted id list, or its
 * complement ({@code negated}: any one token id in {@code [0, size())} except those). A name
 * resolves to every id whose bytes are exactly the name's UTF-8 (special or not); a name no token
 * has, or an id outside the vocabulary, is an invalid grammar.
 */
final class TokenTerminals {
    private final List<int[]> ids = new ArrayList<>();
    private final List<Boolean> negated = new ArrayList<>();
    private final Vocabulary vocab;

    TokenTerminals(Vocabulary vocab) {
        this.vocab = vocab;
    }

    /** Adds {@code t}, resolved; {@code line}, {@code column} locate the rule for errors. */
    int add(Expr.Token t, int line, int column) {
        List<Integer> out = new ArrayList<>();
        for (int id : t.ids()) {
            if (!vocab.isToken(id)) {
                throw new SyntaxException(SyntaxException.Kind.INVALID, line, column,
                        "token id " + id + " is outside [0, " + vocab.size() + ") of the vocabulary");
            }
            out.add(id);
        }
        for (String name : t.names()) {
            byte[] want = name.getBytes(StandardCharsets.UTF_8);
            int before = out.size();
            for (int id = 0; id < vocab.size(); id++) {
                if (vocab.length(id) == want.length && Arrays.equals(vocab.bytes(id), want)) {
                    out.add(id);
                }
            }
            if (out.size() == before) {
                throw new SyntaxException(SyntaxException.Kind.INVALID, line, column,
                        "no token of the vocabulary is '" + name + "'");
            }
        }
        int[] a = out.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        ids.add(a);
        negated.add(t.negated());
        return ids.size() - 1;
    }

    int count() {
        return ids.size();
    }

    /** Whether terminal {@code k} matches at least one token. */
    boolean productive(int k) {
        return negated.get(k) ? ids.get(k).length < vocab.size() : ids.get(k).length > 0;
    }

    /** Whether terminal {@code k} matches token {@code id}. */
    boolean matches(int k, int id) {
        boolean listed = Arrays.binarySearch(ids.get(k), id) >= 0;
        return negated.get(k) ? !listed && vocab.isToken(id) : listed;
    }

    /** ORs the tokens terminal {@code k} matches into {@code mask}. */
    void orInto(int k, int[] mask) {
        int[] a = ids.get(k);
        if (!negated.get(k)) {
            for (int id : a) {
                mask[id >>> 5] |= 1 << (id & 31);
            }
            return;
        }
        int size = vocab.size();
        int j = 0;
        for (int id = 0; id < size; id++) {
            if (j < a.length && a[j] == id) {
                j++;
            } else {
                mask[id >>> 5] |= 1 << (id & 31);
            }
        }
    }
}
