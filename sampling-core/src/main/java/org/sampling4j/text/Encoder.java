package org.sampling4j.text;

/**
 * Text to token ids, supplied by the runtime: the core never tokenizes on its own. What needs it
 * (string bad words, DRY sequence breakers given as strings, string keys of a logit bias) asks for
 * one and says so when none was given.
 *
 * <p>An adapter is one line, e.g. for JTokkit: {@code text -> encoding.encodeOrdinary(text).toArray()};
 * for a HuggingFace tokenizer: its {@code encode(text, add_special_tokens=False)}.
 */
@FunctionalInterface
public interface Encoder {

    /** The token ids of {@code text}, without any special token added (no BOS). */
    int[] encode(String text);
}
