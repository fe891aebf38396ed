package org.sampling4j;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sampling4j.chain.Chain;
import org.sampling4j.chain.LogitsProcessor;

/**
 * {@link Sampler#fingerprint()}: SHA-256 over the semantics version, the vocabulary size, each
 * processor's {@link LogitsProcessor#name() name} and {@link LogitsProcessor#parameters()
 * parameters} in order, and the picker's name. Names, never class names, so moving or renaming a
 * class changes nothing a user logged.
 */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(int semanticsVersion, Chain chain) {
        StringBuilder s = new StringBuilder().append(semanticsVersion).append('|').append(chain.vocabSize());
        for (LogitsProcessor p : chain.processors()) {
            s.append('|').append(p.name()).append('(').append(p.parameters()).append(')');
        }
        s.append("|pick(").append(chain.picker().name()).append(')');
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return "s4j" + semanticsVersion + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
