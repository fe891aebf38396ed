package org.sampling4j.chain;

/**
 * Read-only counts of token ids in part of a sequence, listing the distinct tokens in first-seen
 * order so that a penalty visits only the tokens that occurred, never the vocabulary.
 */
public interface TokenCounts {

    /** How many times {@code token} occurred; 0 when it never did. */
    int count(int token);

    /** Number of listed tokens; some may have count 0 (after a rollback), so test {@link #countAt}. */
    int distinct();

    /** The k-th listed token, in first-seen order; {@code k} in [0, distinct()). */
    int tokenAt(int k);

    /** The count of the k-th listed token. */
    int countAt(int k);
}
