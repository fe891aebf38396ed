package org.sampling4j.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What kind of position a JSON prefix ends at, for {@link SchemaCorpusReplay}'s list of slow masks:
 * {@code key+N} / {@code string+N} (inside a key or a string value, N characters read),
 * {@code number+N}, {@code literal} (inside true, false or null), or {@code after X} (between
 * values, X the last structural character), followed by the prefix's last characters. A small
 * scanner of its own, not a validator: it only reads valid prefixes.
 */
final class JsonPosition {
    private static final int TAIL = 24;

    private JsonPosition() {
    }

    static String describe(String prefix) {
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        boolean key = false;
        boolean escape = false;
        int chars = 0;
        int number = -1;
        boolean literal = false;
        char last = ' ';
        boolean expectKey = false;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (inString) {
                if (escape) {
                    escape = false;
                    chars++;
                } else if (c == '\\') {
                    escape = true;
                } else if (c == '"') {
                    inString = false;
                    last = '"';
                } else if (!Character.isLowSurrogate(c)) {
                    chars++;
                }
                continue;
            }
            if (number >= 0 && (Character.isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                number++;
                continue;
            }
            number = -1;
            if (literal && Character.isLetter(c)) {
                continue;
            }
            literal = false;
            switch (c) {
                case '"' -> {
                    inString = true;
                    key = expectKey;
                    chars = 0;
                }
                case '{' -> {
                    open.push('{');
                    expectKey = true;
                    last = c;
                }
                case '[' -> {
                    open.push('[');
                    expectKey = false;
                    last = c;
                }
                case '}', ']' -> {
                    open.poll();
                    last = c;
                }
                case ',' -> {
                    expectKey = !open.isEmpty() && open.peek() == '{';
                    last = c;
                }
                case ':' -> {
                    expectKey = false;
                    last = c;
                }
                case 't', 'f', 'n' -> literal = true;
                default -> {
                    if (Character.isDigit(c) || c == '-') {
                        number = 1;
                    }
                }
            }
        }
        String kind;
        if (inString) {
            kind = (key ? "key+" : "string+") + chars;
        } else if (number >= 0) {
            kind = "number+" + number;
        } else if (literal) {
            kind = "literal";
        } else {
            kind = "after " + (last == ' ' ? "start" : String.valueOf(last));
        }
        String tail = prefix.length() > TAIL ? "..." + prefix.substring(prefix.length() - TAIL) : prefix;
        return kind + "  " + tail.replace("\n", "\\n");
    }
}
