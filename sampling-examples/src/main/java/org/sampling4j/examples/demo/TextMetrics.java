package org.sampling4j.examples.demo;

import java.util.HashSet;
import java.util.Set;

/** What a reader judges by eye, as numbers: how much a text repeats itself and how varied it is. */
public final class TextMetrics {
    private TextMetrics() {
    }

    /**
     * The fraction of the text's word n-grams that already occurred earlier in it: 0 for text that
     * never repeats a phrase, near 1 for a loop. 0 when the text has no n-gram.
     */
    public static double repeatedNGramRate(String text, int n) {
        String[] words = words(text);
        Set<String> seen = new HashSet<>();
        int total = 0;
        int repeated = 0;
        for (int i = 0; i + n <= words.length; i++) {
            String gram = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n));
            total++;
            if (!seen.add(gram)) {
                repeated++;
            }
        }
        return total == 0 ? 0 : (double) repeated / total;
    }

    /** Distinct word bigrams over all word bigrams (distinct-2, Li et al. 2016); 0 without a bigram. */
    public static double distinct2(String text) {
        String[] words = words(text);
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i + 1 < words.length; i++) {
            distinct.add(words[i] + " " + words[i + 1]);
        }
        return words.length < 2 ? 0 : (double) distinct.size() / (words.length - 1);
    }

    private static String[] words(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }
}
