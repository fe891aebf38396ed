package org.sampling4j.text;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The slow, obviously correct text stream that {@link TextStream} is checked against. After each
 * token it decodes all the bytes so far from scratch (the JDK's streaming decoder says which tail
 * is still incomplete), searches every prefix of that text for every stop string, and releases all
 * but the longest suffix that is a proper prefix of some stop string. No automaton, no state.
 */
final class ReferenceText {
    /** What a whole run gives: the delta of each consumed token, the finish delta, the stop. */
    static final class Result {
        final List<String> deltas = new ArrayList<>();
        String finishDelta = "";
        int stopIndex = -1;
        long stopStart = -1;
        int consumed;

        String text() {
            return String.join("", deltas) + finishDelta;
        }
    }

    private ReferenceText() {
    }

    static Result run(Vocabulary v, int[] tokens, List<String> stops, boolean skipSpecial, boolean include) {
        Result result = new Result();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int released = 0;
        for (int token : tokens) {
            if (!(skipSpecial && v.isSpecial(token))) {
                bytes.writeBytes(v.bytes(token));
            }
            result.consumed++;
            String stable = Utf8Oracle.streamingPrefix(bytes.toByteArray());
            int[] match = earliestMatch(stable, stops);
            if (match != null) {
                int cut = match[1] + (include ? stops.get(match[0]).length() : 0);
                result.deltas.add(substring(stable, released, cut));
                result.stopIndex = match[0];
                result.stopStart = match[1];
                return result;
            }
            int safe = stable.length() - longestSuffixThatIsAProperPrefix(stable, stops);
            result.deltas.add(substring(stable, released, safe));
            released = safe;
        }
        String full = Utf8Oracle.decode(bytes.toByteArray());
        int[] match = earliestMatch(full, stops);
        if (match != null) {
            result.stopIndex = match[0];
            result.stopStart = match[1];
            result.finishDelta = substring(full, released, match[1] + (include ? stops.get(match[0]).length() : 0));
        } else {
            result.finishDelta = substring(full, released, full.length());
        }
        return result;
    }

    /** {stop index, start} of the match that ends first (then the longest, then the lowest index), or null. */
    static int[] earliestMatch(String text, List<String> stops) {
        for (int end = 1; end <= text.length(); end++) {
            int best = -1;
            for (int k = 0; k < stops.size(); k++) {
                String s = stops.get(k);
                if (s.length() <= end && text.startsWith(s, end - s.length())
                        && (best < 0 || s.length() > stops.get(best).length())) {
                    best = k;
                }
            }
            if (best >= 0) {
                return new int[] {best, end - stops.get(best).length()};
            }
        }
        return null;
    }

    static int longestSuffixThatIsAProperPrefix(String text, List<String> stops) {
        for (int length = text.length(); length > 0; length--) {
            String suffix = text.substring(text.length() - length);
            for (String s : stops) {
                if (s.length() > length && s.startsWith(suffix)) {
                    return length;
                }
            }
        }
        return 0;
    }

    private static String substring(String s, int from, int to) {
        if (from > to) {
            throw new AssertionError("the reference would retract text: released " + from + " chars, now only " + to);
        }
        return s.substring(from, to);
    }
}
