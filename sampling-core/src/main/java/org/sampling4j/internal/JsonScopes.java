package org.sampling4j.internal;

import java.util.Arrays;

/**
 * The stack of open containers of a {@link JsonReader}: what each level is (document, array, object, and
 * whether it has had a member yet), the key or index last read at each level, and the JSON path they spell.
 */
final class JsonScopes {
    static final int EMPTY_DOCUMENT = 0;
    static final int NONEMPTY_DOCUMENT = 1;
    static final int EMPTY_ARRAY = 2;
    static final int NONEMPTY_ARRAY = 3;
    static final int EMPTY_OBJECT = 4;
    static final int DANGLING_NAME = 5;
    static final int NONEMPTY_OBJECT = 6;
    /** A deep path prints its first and last this many levels. */
    private static final int PATH_ENDS = 8;

    private int[] scopes = new int[32];
    private String[] names = new String[32];
    private int[] indices = new int[32];
    private int depth = 1;

    JsonScopes() {
        scopes[0] = EMPTY_DOCUMENT;
    }

    /** The scope of the innermost open level. */
    int top() {
        return scopes[depth - 1];
    }

    void setTop(int scope) {
        scopes[depth - 1] = scope;
    }

    /** Counts one more element of the innermost array. */
    void nextIndex() {
        indices[depth - 1]++;
    }

    /** Records the key just read in the innermost object. */
    void name(String name) {
        names[depth - 1] = name;
    }

    /** How many containers are open. */
    int open() {
        return depth - 1;
    }

    void push(int scope) {
        if (depth == scopes.length) {
            scopes = Arrays.copyOf(scopes, depth * 2);
            names = Arrays.copyOf(names, depth * 2);
            indices = Arrays.copyOf(indices, depth * 2);
        }
        scopes[depth] = scope;
        names[depth] = null;
        indices[depth] = -1;
        depth++;
    }

    void pop() {
        depth--;
        names[depth] = null;
    }

    /** The JSON path of the current position: {@code $.model.vocab["Ġthe"]}, {@code $.added_tokens[3]}. */
    String path() {
        StringBuilder p = new StringBuilder("$");
        for (int i = 1; i < depth; i++) {
            if (depth > 2 * PATH_ENDS + 1 && i == PATH_ENDS + 1) {
                p.append("...(").append(depth - 1 - 2 * PATH_ENDS).append(" levels)...");
                i = depth - PATH_ENDS - 1;
                continue;
            }
            if (scopes[i] == EMPTY_ARRAY || scopes[i] == NONEMPTY_ARRAY) {
                if (indices[i] >= 0) {
                    p.append('[').append(indices[i]).append(']');
                }
            } else if (names[i] != null) {
                appendKey(p, names[i]);
            }
        }
        return p.toString();
    }

    private static void appendKey(StringBuilder p, String key) {
        boolean identifier = !key.isEmpty() && Character.isJavaIdentifierStart(key.charAt(0)) && key.charAt(0) < 0x80;
        for (int i = 1; identifier && i < key.length(); i++) {
            identifier = key.charAt(i) < 0x80 && Character.isJavaIdentifierPart(key.charAt(i));
        }
        if (identifier) {
            p.append('.').append(key);
        } else {
            p.append('[').append(JsonErrors.quote(key)).append(']');
        }
    }
}
