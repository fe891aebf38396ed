package org.sampling4j.internal;

import java.util.Arrays;

/**
 * Settings written so that equal settings give equal text on every JVM: floats and doubles as the
 * hex of their bits ({@code Double.toString} changed its output between JDK 17 and 19), arrays
 * element by element. The input of {@code Sampler.fingerprint()}.
 */
public final class Canonical {
    private Canonical() {
    }

    /** The parts, each canonical, separated by commas. */
    public static String of(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object p : parts) {
            if (s.length() > 0) {
                s.append(',');
            }
            if (p instanceof Float) {
                s.append("f").append(Integer.toHexString(Float.floatToIntBits((Float) p)));
            } else if (p instanceof Double) {
                s.append("d").append(Long.toHexString(Double.doubleToLongBits((Double) p)));
            } else if (p instanceof int[]) {
                s.append(Arrays.toString((int[]) p));
            } else if (p instanceof float[]) {
                float[] f = (float[]) p;
                s.append('[');
                for (int i = 0; i < f.length; i++) {
                    s.append(i == 0 ? "" : ",").append(Integer.toHexString(Float.floatToIntBits(f[i])));
                }
                s.append(']');
            } else {
                s.append(p);
            }
        }
        return s.toString();
    }
}
