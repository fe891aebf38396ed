package org.sampling4j.grammar.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.api.Encoding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.grammar.schema.SchemaCompiler;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.text.RealVocabularies;
import org.sampling4j.text.Vocabulary;

/**
 * The region fast path of {@link TrieWalker#root} ({@link LexerRegion}, {@link RegionTokens}) against
 * the walk of the whole trie, on o200k_base: for random DFA states of JSON Schema grammars (string
 * bodies with escapes and UTF-8, patterns, enums, any-order objects with guards, string bodies with
 * {@code maxLength} / {@code minLength} for the {@link CharChain} path), the two root entries
 * have the same allowed set and the same groups (keys, nodes, pending nodes, in order).
 */
@KernelIndependent
class RegionWalkTest {
    private static final long SEED = 0x6A4D_0113L;
    private static final EngineLimits LIMITS = new EngineLimits(250_000, 20_000, 1_000, 1_000_000, 8_000_000, 64L << 20);

    private static final String[][] CASES = {
        {"{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
                + "\"required\":[\"name\"]}",
            "{\"name\":\"h\\u00e9llo \\\"w\\\" \u65e5\u672c\u8a9e \u0416\u0438\u0437\u043d\u044c \ud83d\ude00\",\"tags\":[\"a\\n\",\"\u00fc\u00df\"]}"},
        {"{\"type\":\"string\",\"pattern\":\"^[a-z\u00e9]+$\"}", "\"h\u00e9llo\""},
        {"{\"type\":\"array\",\"items\":{\"enum\":[\"red\",\"green\",\"bl\u00fc\"]}}",
            "[\"green\",\"bl\u00fc\"]"},
        {"{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"format\":\"email\"},\"b\":{\"type\":\"string\"}}}",
            "{\"b\":\"x\\\\y \u00e0\",\"a\":\"me@example.com\"}"},
        // counted string bodies (CharChain): maxLength, minLength and both, escapes and UTF-8 inside
        {"{\"type\":\"string\",\"maxLength\":40}", "\"h\u00e9llo \\\"w\\\" \u65e5\u672c \ud83d\ude00 \\n\""},
        {"{\"type\":\"array\",\"items\":{\"type\":\"string\",\"minLength\":3,\"maxLength\":12}}",
            "[\"abc\",\"\u00fc\u00df\u00e9x\",\"\\\\\\t\u0416\u0438\"]"},
        {"{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\",\"maxLength\":8},\"note\":{\"type\":\"string\",\"minLength\":70}},"
                + "\"required\":[\"id\"]}",
            "{\"note\":\"" + "lorem ipsum dolor sit amet, \u00e9t\u00e9 ".repeat(3) + "\",\"id\":\"x\\\"1\"}"},
        // counted bodies of a narrower class (CharClass): an email (local part and labels: ASCII
        // classes, dots that start the next chain), an ASCII pattern, and one of every character but digits
        {"{\"type\":\"array\",\"items\":{\"type\":\"string\",\"format\":\"email\"}}",
            "[\"first.last.x@mail.example.com\",\"a_b-c+d@e.org\"]"},
        {"{\"type\":\"string\",\"pattern\":\"^([a-z0-9_]{1,12}\\\\.){0,3}[a-z0-9_]{3,20}$\"}", "\"get.value.of_x\""},
        {"{\"type\":\"string\",\"pattern\":\"^[^0-9]{2,30}$\"}", "\"h\u00e9llo, w\u00f6rld! \u65e5\u672c\""},
    };
    /** The objects compiled in any key order (with guards, and held states where a key class can run out). */
    private static final int ANY_ORDER = 3;
    private static final int COUNTED_ANY_ORDER = 6;

    @Test
    void regionRootsEqualWholeTrieWalksOnRandomStates() {
        Vocabulary v = RealVocabularies.o200k();
        Encoding enc = RealVocabularies.o200kEncoding();
        Random r = new Random(SEED);
        int withRegion = 0;
        int withChain = 0;
        int withTrack = 0;
        int narrow = 0;
        int compared = 0;
        long chainedExits = 0;
        TokenTrie trie = null;
        for (int c = 0; c < CASES.length; c++) {
            boolean anyOrder = c == ANY_ORDER || c == COUNTED_ANY_ORDER;
            CompiledGrammar cg = CompiledGrammar.compile(SchemaCompiler.compile(CASES[c][0], anyOrder, Expr.EMPTY, false, true), v, LIMITS);
            MatcherState m = cg.newState();
            int[] mask = new int[cg.maskWords];
            for (int id : enc.encodeOrdinary(CASES[c][1]).toArray()) {
                m.fillMask(mask);
                assertTrue(m.tryAccept(id), "case " + c + ": token " + id + " of its valid text");
            }
            boolean[] guarded = cg.g.guards == null ? null : cg.g.guards.guardedLexemes();
            TrieWalker fast = new TrieWalker(cg.trie, cg.dfa, cg.maskWords, guarded, cg.holds, true);
            TrieWalker plain = new TrieWalker(cg.trie, cg.dfa, cg.maskWords, guarded, cg.holds, false);
            List<Integer> states = new ArrayList<>();
            for (int s = 1; s < cg.dfa.states(); s++) {
                states.add(s);
            }
            Collections.shuffle(states, r);
            int regions = 0;
            int others = 0;
            int chains = 0;
            int tracks = 0;
            for (int s : states) {
                boolean region = LexerRegion.of(cg.dfa, s) != null;
                CharClass cls = region ? null : fast.chainClassFrom(s);
                boolean chain = cls != null;
                boolean track = !region && !chain && fast.tracksFrom(s);
                if (region ? regions++ >= 10 : chain ? chains++ >= 24 : track ? tracks++ >= 24 : others++ >= 6) {
                    continue;
                }
                int[] one = {s};
                assertSameEntry(plain.root(one, 0, 1), fast.root(one, 0, 1), cg.maskWords, "case " + c + " state " + s);
                withRegion += region ? 1 : 0;
                withChain += chain ? 1 : 0;
                narrow += chain && !cls.equals(CharClass.PLAIN) ? 1 : 0;
                withTrack += track ? 1 : 0;
                compared++;
            }
            trie = cg.trie;
            chainedExits += fast.chainedExits;
        }
        assertTrue(withRegion >= 4, "only " + withRegion + " of " + compared + " compared states had a region");
        assertTrue(withChain >= 40, "only " + withChain + " of " + compared + " compared states started a counted chain");
        assertTrue(withTrack >= 10, "only " + withTrack + " of " + compared + " compared states followed a region track");
        assertTrue(narrow >= 20, "only " + narrow + " of " + withChain + " chain states read a class narrower than plain content");
        assertTrue(chainedExits >= 10, "only " + chainedExits + " exits were read as chains");
        System.out.printf("RegionWalkTest: %d states compared, %d regions, %d chains (%d of a narrower class, %d exits read as chains), %d tracks%n",
                compared, withRegion, withChain, narrow, chainedExits, withTrack);
        assertTrue(trie.regions.size() > 0, "no region shape was kept for o200k_base");
    }

    /**
     * States a region track serves: any-order objects with additional properties (named keys sharing
     * prefixes, UTF-8 and escaped keys) and a string that is either a constant or a body.
     */
    private static final String[][] KEY_CASES = {
        {"{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"names\":{\"type\":\"integer\"},"
                + "\"\u00e9t\u00e9\":{\"type\":\"boolean\"},\"\u65e5\":{\"type\":\"null\"}},\"additionalProperties\":{\"type\":\"string\"}}",
            "{\"zz\":\"a\",\"name\":\"b\",\"\u00e9\":\"c\",\"\u00e9t\u00e9\":true,\"\u65e5\":null,\"\u65e5\u672c\":\"d\",\"names\":1,\"q\\\"r\":\"e\"}"},
        {"{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"},\"type\":{\"type\":\"string\"}},"
                + "\"required\":[\"type\"]}",
            "{\"t\":1,\"ty\":2,\"type\":\"x\",\"\u00fcber\":3,\"title\":\"y\",\"titles\":[]}"},
        // named keys of one multi-byte character each, whose tokens close them ("。\"" and "…\""
        // are o200k_base tokens): after the lead byte the key state is only like the body until the character ends
        {"{\"type\":\"object\",\"properties\":{\"。\":{\"type\":\"integer\"},\"…\":{\"type\":\"null\"}},"
                + "\"additionalProperties\":{\"type\":\"string\"}}",
            "{\"。。\":\"a\",\"。\":1,\"…\":null,\"…。\":\"b\"}"},
        // a string start whose 'n' leads only into a spelling while every other byte enters the body
        {"{\"type\":\"array\",\"items\":{\"anyOf\":[{\"const\":\"name\"},{\"type\":\"string\",\"pattern\":\"^[^n]\"}]}}",
            "[\"name\",\"x\u00e9\",\"\u00e9\u00e9\",\"\u65e5\",\"a\\\"b\"]"},
    };

    /**
     * The states a generation actually reaches where a track applies (a key of an any-order object
     * with additional properties, one for each set of keys still allowed; the start of a string
     * that is a constant or a body): the tracked root entry against the whole-trie walk at every
     * position of a valid text.
     */
    @Test
    void trackedKeyStatesEqualWholeTrieWalks() {
        Vocabulary v = RealVocabularies.o200k();
        Encoding enc = RealVocabularies.o200kEncoding();
        int tracked = 0;
        long alikeJumps = 0;
        for (int c = 0; c < KEY_CASES.length; c++) {
            CompiledGrammar cg = CompiledGrammar.compile(SchemaCompiler.compile(KEY_CASES[c][0], true, Expr.EMPTY, false, true), v, LIMITS);
            boolean[] guarded = cg.g.guards == null ? null : cg.g.guards.guardedLexemes();
            TrieWalker fast = new TrieWalker(cg.trie, cg.dfa, cg.maskWords, guarded, cg.holds, true);
            TrieWalker plain = new TrieWalker(cg.trie, cg.dfa, cg.maskWords, guarded, cg.holds, false);
            MatcherState m = cg.newState();
            int[] mask = new int[cg.maskWords];
            int[] ids = enc.encodeOrdinary(KEY_CASES[c][1]).toArray();
            for (int p = 0; p < ids.length; p++) {
                m.fillMask(mask);
                int[] states = m.lexerStates();
                if (states.length == 1 && fast.tracksFrom(states[0])) {
                    assertSameEntry(plain.root(states, 0, 1), fast.root(states, 0, 1), cg.maskWords, "key case " + c + " token " + p);
                    tracked++;
                }
                assertTrue(m.tryAccept(ids[p]), "key case " + c + ": token " + p + " of its valid text");
            }
            alikeJumps += fast.alikeJumps;
        }
        assertTrue(tracked >= 8, "only " + tracked + " key states followed a region track");
        // the UTF-8 lead bytes: a key state and the key body meet again after the character
        assertTrue(alikeJumps >= 50, "only " + alikeJumps + " subtrees were jumped in a state alike to the region's");
        System.out.printf("RegionWalkTest: %d tracked key states, %d subtrees jumped in an alike state%n", tracked, alikeJumps);
    }

    private static void assertSameEntry(LexerEntry want, LexerEntry got, int maskWords, String what) {
        int[] a = new int[maskWords];
        int[] b = new int[maskWords];
        want.orInto(a);
        got.orInto(b);
        assertArrayEquals(a, b, what + ": allowed tokens");
        assertEquals(want.groups.length, got.groups.length, what + ": groups");
        for (int g = 0; g < want.groups.length; g++) {
            assertArrayEquals(want.groups[g].key, got.groups[g].key, what + ": key of group " + g);
            assertArrayEquals(want.groups[g].nodes, got.groups[g].nodes, what + ": nodes of group " + g);
            assertArrayEquals(want.groups[g].pending, got.groups[g].pending, what + ": pending of group " + g);
        }
    }
}
