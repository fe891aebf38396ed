package org.sampling4j.grammar.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sampling4j.grammar.syntax.Expr;

/**
 * {@code \\uHHHH\\uLLLL} spellings of code points above U+FFFF: {@code c - 0x10000 = (H - 0xD800) << 10
 * | (L - 0xDC00)} (Unicode 3.8, D71). A range of code points splits per high surrogate into a partial
 * first block, full middle blocks and a partial last block; blocks with the same low-surrogate set
 * share one alternative, so a range of any size costs at most three.
 */
final class SurrogatePairs {
    private SurrogatePairs() {
    }

    /** The escape alternatives for the astral members of {@code ranges} (pairs within 0x10000..0x10FFFF). */
    static List<Expr> escapes(int[] ranges) {
        Map<List<Integer>, List<Integer>> highsByLows = new LinkedHashMap<>();
        for (int i = 0; i < ranges.length; i += 2) {
            int lo = ranges[i] - 0x10000;
            int hi = ranges[i + 1] - 0x10000;
            int hLo = lo >> 10;
            int hHi = hi >> 10;
            for (int h = hLo; h <= hHi; h++) {
                int a = h == hLo ? lo & 0x3FF : 0;
                int b = h == hHi ? hi & 0x3FF : 0x3FF;
                if (h > hLo && h < hHi) {
                    // full middle blocks: one entry for the run, added once
                    highsByLows.computeIfAbsent(List.of(0, 0x3FF), k -> new ArrayList<>()).addAll(List.of(hLo + 1, hHi - 1));
                    h = hHi - 1;
                    continue;
                }
                highsByLows.computeIfAbsent(List.of(a, b), k -> new ArrayList<>()).addAll(List.of(h, h));
            }
        }
        List<Expr> out = new ArrayList<>();
        for (Map.Entry<List<Integer>, List<Integer>> e : highsByLows.entrySet()) {
            int[] highs = new int[e.getValue().size()];
            for (int i = 0; i < highs.length; i++) {
                highs[i] = 0xD800 + e.getValue().get(i);
            }
            int[] lows = {0xDC00 + e.getKey().get(0), 0xDC00 + e.getKey().get(1)};
            out.add(Exprs.seq(Exprs.lit("\\u"), HexEscapes.digits4(merge(highs)), Exprs.lit("\\u"), HexEscapes.digits4(lows)));
        }
        return out;
    }

    /** Sorts and merges raw pairs of surrogate values (which {@code CharRanges.normalize} would drop). */
    private static int[] merge(int[] pairs) {
        int[] shifted = pairs.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] -= 0xD800;
        }
        int[] m = org.sampling4j.grammar.syntax.CharRanges.normalize(shifted);
        for (int i = 0; i < m.length; i++) {
            m[i] += 0xD800;
        }
        return m;
    }
}
