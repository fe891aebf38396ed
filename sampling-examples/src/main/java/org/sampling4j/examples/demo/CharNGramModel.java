package org.sampling4j.examples.demo;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.sampling4j.SequenceState;
import org.sampling4j.generate.LogitsModel;

/**
 * A character-level n-gram language model with Witten-Bell interpolation: each token is one
 * character of the training text, and the probability of the next character blends every context
 * length from 0 to {@code order - 1} characters,
 *
 * <pre>
 *   P_k(c | h_k) = (C(h_k c) + T(h_k) P_{k-1}(c | h_{k-1})) / (C(h_k) + T(h_k)),   P_{-1}(c) = 1 / V
 * </pre>
 *
 * where C counts occurrences in the text and T(h) is the number of distinct characters seen after
 * h (Witten and Bell, 1991; Chen and Goodman, 1998, section 2.5). A context never seen leaves the
 * shorter context's estimate unchanged. The logits are {@code ln P}. Small and crude, but it
 * writes locally plausible text, which is all the demo needs to show what sampling does.
 */
public final class CharNGramModel implements LogitsModel {
    private final char[] alphabet;
    private final int[] idOf = new int[128];
    private final int order;
    private final Map<Long, Followers>[] contexts;
    private final double[] probabilities;

    /** The characters that followed one context, with their counts. */
    private static final class Followers {
        int[] ids = new int[2];
        int[] counts = new int[2];
        int distinct;
        int total;

        void add(int id) {
            total++;
            for (int i = 0; i < distinct; i++) {
                if (ids[i] == id) {
                    counts[i]++;
                    return;
                }
            }
            if (distinct == ids.length) {
                ids = Arrays.copyOf(ids, distinct * 2);
                counts = Arrays.copyOf(counts, distinct * 2);
            }
            ids[distinct] = id;
            counts[distinct++] = 1;
        }
    }

    @SuppressWarnings("unchecked")
    private CharNGramModel(char[] alphabet, int order) {
        this.alphabet = alphabet;
        this.order = order;
        Arrays.fill(idOf, -1);
        for (int i = 0; i < alphabet.length; i++) {
            idOf[alphabet[i]] = i;
        }
        this.contexts = new Map[order];
        for (int k = 0; k < order; k++) {
            contexts[k] = new HashMap<>();
        }
        this.probabilities = new double[alphabet.length];
    }

    /**
     * Trains on {@code text} (printable ASCII and newlines; other characters are dropped), using
     * contexts of up to {@code order - 1} characters, reporting progress in [0, 1] per mille.
     */
    public static CharNGramModel train(String text, int order, IntConsumer progressPerMille) {
        if (order < 1 || order > 9) {
            throw new IllegalArgumentException("order = " + order + " is outside [1, 9]");
        }
        boolean[] present = new boolean[128];
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch >= 32 && ch < 127) {
                present[ch] = true;
                kept.append(ch);
            }
        }
        StringBuilder chars = new StringBuilder();
        for (char ch = 0; ch < 128; ch++) {
            if (present[ch]) {
                chars.append(ch);
            }
        }
        CharNGramModel model = new CharNGramModel(chars.toString().toCharArray(), order);
        int[] ids = model.encode(kept);
        for (int i = 0; i < ids.length; i++) {
            for (int k = 0; k < order && k <= i; k++) {
                model.contexts[k].computeIfAbsent(key(ids, i - k, i), x -> new Followers()).add(ids[i]);
            }
            if (i % 4096 == 0 || i == ids.length - 1) {
                progressPerMille.accept((int) (1000L * (i + 1) / ids.length));
            }
        }
        return model;
    }

    /** The context {@code ids[from, to)} as one long: 7 bits per character, above a length tag. */
    private static long key(int[] ids, int from, int to) {
        long key = to - from;
        for (int i = from; i < to; i++) {
            key = key << 7 | ids[i];
        }
        return key;
    }

    private int[] encode(CharSequence text) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            int id = text.charAt(i) < 128 ? idOf[text.charAt(i)] : -1;
            if (id < 0) {
                throw new IllegalArgumentException("character '" + text.charAt(i) + "' at " + i
                        + " is not in the model's alphabet");
            }
            ids[i] = id;
        }
        return ids;
    }

    /** Token ids of {@code text}, every character of which must be in the alphabet. */
    public int[] tokens(String text) {
        return encode(text);
    }

    /** The text of {@code tokens}. */
    public String text(int[] tokens) {
        StringBuilder s = new StringBuilder(tokens.length);
        for (int t : tokens) {
            s.append(alphabet[t]);
        }
        return s.toString();
    }

    /** V, the number of distinct characters. */
    public int vocabSize() {
        return alphabet.length;
    }

    /** The longest context plus one. */
    public int order() {
        return order;
    }

    @Override
    public void nextLogits(SequenceState sequence, float[] logits) {
        int v = alphabet.length;
        Arrays.fill(probabilities, 1.0 / v);
        int length = sequence.length();
        int[] context = new int[order - 1];
        int available = Math.min(order - 1, length);
        for (int i = 0; i < available; i++) {
            context[i] = sequence.token(length - available + i);
        }
        for (int k = 0; k <= available; k++) {
            Followers f = contexts[k].get(key(context, available - k, available));
            if (f == null) {
                break; // no longer context was seen either
            }
            double t = f.distinct;
            double norm = f.total + t;
            for (int c = 0; c < v; c++) {
                probabilities[c] = t * probabilities[c] / norm;
            }
            for (int i = 0; i < f.distinct; i++) {
                probabilities[f.ids[i]] += f.counts[i] / norm;
            }
        }
        for (int c = 0; c < v; c++) {
            logits[c] = (float) Math.log(probabilities[c]);
        }
    }
}
