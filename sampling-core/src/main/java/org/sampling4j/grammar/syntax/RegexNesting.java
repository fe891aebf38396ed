package org.sampling4j.grammar.syntax;

/**
 * A cheap scan that bounds the nesting of groups and classes before {@code Pattern.compile} runs:
 * Java's pattern compiler recurses once per level, so a hostile {@code ((((...} 100k deep would
 * overflow the stack. Escapes and {@code \Q...\E} are skipped; inside a class only brackets count.
 * It may over-count in odd patterns (refusing them), never under-count.
 */
final class RegexNesting {
    private RegexNesting() {
    }

    static void check(String pattern, int maxDepth) {
        int groups = 0;
        int classes = 0;
        int column = 0;
        int lastOpen = -3;
        for (int i = 0; i < pattern.length(); i = pattern.offsetByCodePoints(i, 1), column++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                if (pattern.charAt(i + 1) == 'Q') {
                    int end = pattern.indexOf("\\E", i + 2);
                    if (end < 0) {
                        return;
                    }
                    column += pattern.codePointCount(i, end + 1);
                    i = end + 1;
                } else {
                    column++;
                    i++;
                }
            } else if (c == '[') {
                classes++;
                lastOpen = i;
            } else if (c == ']' && classes > 0 && i != lastOpen + 1
                    && !(i == lastOpen + 2 && pattern.charAt(lastOpen + 1) == '^')) {
                // a ] right after [ or [^ is a literal in Java
                classes--;
            } else if (c == '(' && classes == 0) {
                groups++;
            } else if (c == ')' && classes == 0 && groups > 0) {
                groups--;
            }
            if (groups + classes > maxDepth) {
                throw new SyntaxException(SyntaxException.Kind.UNSUPPORTED, 1, column + 1,
                        "groups and classes nested deeper than " + maxDepth);
            }
        }
    }
}
