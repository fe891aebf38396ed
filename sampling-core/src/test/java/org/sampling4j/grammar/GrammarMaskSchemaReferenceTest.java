package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.text.Vocabulary;

/**
 * The reference-matcher differential test of {@link GrammarMaskReferenceTest} on grammars compiled from
 * corpus schemas ({@link SchemaCorpus}), along random walks through the mask, on a synthetic vocabulary
 * cut from the schema's own valid texts (tokens split inside multi-byte characters, escapes, keys) and on
 * the real o200k_base and cl100k_base vocabularies (JTokkit).
 *
 * <p>What is compared depends on the grammar. The code-point Earley {@link ReferenceRecognizer} cannot
 * read {@code Expr.JsonObject} (any-order objects: guarded terminals over a key tracker). When every such
 * object has named members only, {@link JsonObjectExpansion} rewrites it into plain rules (one per set
 * of keys used) and the walk checks, at every step and for every token, the fast mask against the
 * engine's uncached answer and against the reference (EOS, {@code isComplete}, forced bytes, rollback and
 * fork too: {@link MaskChecks#walk}); schemas in forced key order have no {@code JsonObject} at all.
 * An object with additional key classes ({@code additionalProperties} a schema or true, pattern keys)
 * needs "no key twice" over an infinite key language, which no CFG expresses: for those grammars the
 * walk compares the fast mask with the uncached answer for every token, each allowed token (and a sample
 * of disallowed ones) with the byte-level matcher (accepting the token's bytes one at a time, on a
 * single-byte vocabulary, must succeed exactly for allowed tokens), EOS with {@code canStop}, and every
 * completed text with networknt ({@link SchemaOracle}): valid. The same byte-level comparison serves
 * grammars with a counted repeat of more than {@link #MAX_COUNT} copies ({@code maxLength: 5000}), which
 * the reference would write out production by production.
 */
class GrammarMaskSchemaReferenceTest {
    private static final long SEED = 0x13C0_4E5AL;
    private static final SchemaOracle ORACLE = new SchemaOracle();
    /** Counted repeats past this many copies (long strings, large arrays) are written out by the reference: too slow. */
    private static final int MAX_COUNT = 64;
    private static final int STEPS = 24;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Multi-byte characters split at every byte boundary, and escapes cut in the middle. */
    private static final String[] SPLITS = {"é", "日本", "😀", "€", "\\u00e9", "\\ud83d\\ude00", "\\\"", "\":\"", "\",\"", "\":{\"",
        "\":[", "],\"", "}]", "null", "true", "false", "-0.", "e+1", "  ", "\n  \""};

    @Test
    void compiledSchemasOnSyntheticVocabulariesMatchTheReference() {
        Random r = new Random(SEED);
        int referenced = 0;
        int byteChecked = 0;
        int steps = 0;
        List<SchemaCorpus> corpus = SchemaCorpus.load();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < corpus.size(); i += 4) { // a quarter of the corpus, every kind of schema in it
            SchemaCorpus c = corpus.get(i);
            for (JsonSchemaOptions o : List.of(c.options(), c.options().withAnyOrder(false))) {
                Cfg cfg;
                Grammar g;
                Vocabulary v = synthetic(c, r);
                try {
                    cfg = SchemaGrammars.compile(c.schema(), o);
                    g = Grammar.compile(cfg, v, GrammarLimits.DEFAULT);
                } catch (GrammarException e) {
                    continue; // refusals are the corpus test's business
                }
                Cfg plain = JsonObjectExpansion.hasLargeCount(cfg, MAX_COUNT) ? null : JsonObjectExpansion.expand(cfg);
                String what = c.name() + " " + o;
                if (plain != null) {
                    referenced++;
                    steps += MaskChecks.walk(g, new ReferenceRecognizer(plain), r, STEPS, 0, what);
                } else {
                    byteChecked++;
                    steps += byteWalk(c, o, g, r, STEPS, 0, what);
                }
            }
        }
        System.out.printf(java.util.Locale.ROOT, "schema masks vs reference: %d grammars against the Earley reference,"
                + " %d against the byte-level matcher and networknt, %d steps, CPU %.1f s%n", referenced, byteChecked, steps,
                (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9);
        assertTrue(referenced >= 80, "only " + referenced + " grammars compared with the reference");
        assertTrue(byteChecked >= 10, "only " + byteChecked + " grammars compared byte by byte");
        assertTrue(steps >= 2000, "too few steps: " + steps);
    }

    @Test
    void compiledSchemasOnRealVocabulariesMatchTheReference() {
        Random r = new Random(SEED + 1);
        Vocabulary[] real = {GrammarRealVocabularyTest.o200k(), GrammarRealVocabularyTest.cl100k()};
        int walks = 0;
        int steps = 0;
        long cpu0 = CPU.getCurrentThreadCpuTime();
        int referenced = 0;
        for (String name : List.of("tool-call-weather.json", "object-unicode-keys.json", "tree-expression-ast.json",
                "config-docker-compose.json")) {
            SchemaCorpus c = SchemaCorpus.load().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            Vocabulary v = real[walks % 2];
            Cfg cfg = SchemaGrammars.compile(c.schema(), c.options());
            Grammar g = Grammar.compile(cfg, v, GrammarLimits.DEFAULT);
            Cfg plain = JsonObjectExpansion.hasLargeCount(cfg, MAX_COUNT) ? null : JsonObjectExpansion.expand(cfg);
            referenced += plain != null ? 1 : 0;
            steps += plain != null
                    ? MaskChecks.walk(g, new ReferenceRecognizer(plain), r, 7, 60, name + " on " + v)
                    : byteWalk(c, c.options(), g, r, 7, 60, name + " on " + v);
            walks++;
        }
        System.out.printf(java.util.Locale.ROOT, "schema masks on o200k/cl100k: %d walks (%d against the reference), %d steps,"
                + " CPU %.1f s%n", walks, referenced, steps, (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9);
        assertTrue(referenced >= 2 && referenced < walks, referenced + " of " + walks + " against the reference");
        assertTrue(steps >= 20, "too few steps: " + steps);
    }

    /**
     * A random walk comparing the fast mask with the uncached answer (every token), with the byte-level
     * matcher ({@code sample} allowed and disallowed tokens, or all when 0), EOS with {@code canStop}; a
     * completed text must be valid under networknt. Half of the steps prefer tokens that close values.
     */
    private static int byteWalk(SchemaCorpus c, JsonSchemaOptions o, Grammar g, Random r, int steps, int sample, String what) {
        Grammar bytes = Grammar.jsonSchema(c.schema(), JsonSchemaCorpusTest.BYTES, o, GrammarLimits.DEFAULT);
        Vocabulary v = g.vocabulary();
        GrammarMatcher m = g.newMatcher();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int step = 0;
        for (; step < steps; step++) {
            String where = what + " step " + step + " text '" + text + "'";
            int[] mask = new int[g.maskWords()];
            m.fillMask(mask);
            int[] naive = new int[g.maskWords()];
            for (int id = 0; id < v.logitsSize(); id++) {
                if (m.isAllowed(id)) {
                    TokenMask.allow(naive, id);
                }
            }
            MaskChecks.assertMasksEqual(naive, mask, v, where + " (uncached isAllowed vs fillMask)");
            byte[] sofar = text.toByteArray();
            boolean complete = JsonSchemaCorpusTest.rejectedAtByte(bytes, text.toString(StandardCharsets.UTF_8)) == -1;
            assertEquals(complete, m.canStop(), where + ": canStop vs the byte-level matcher");
            for (int e : v.eosIds()) {
                assertEquals(complete, TokenMask.isAllowed(mask, e), where + ": EOS bit");
            }
            for (int id : sample(v, r, mask, sample)) {
                if (!v.isEos(id)) {
                    boolean expect = MaskChecks.isText(v, id) && bytesAccepted(bytes, MaskChecks.concat(sofar, v.bytes(id)));
                    assertEquals(expect, TokenMask.isAllowed(mask, id), where + ": token " + id
                            + (v.isToken(id) ? " '" + v.text(id) + "'" : " (padding)") + " vs the byte-level matcher");
                }
            }
            if (complete && (r.nextInt(3) == 0 || step == steps - 1)) {
                assertTrue(ORACLE.valid(c.schema(), text.toString(StandardCharsets.UTF_8), o.formatAssertion()),
                        where + ": completed text invalid under networknt");
                return step + 1;
            }
            int t = JsonSchemaCorpusTest.pick(v, mask, r);
            if (t < 0) {
                break;
            }
            m.accept(t);
            text.write(v.bytes(t), 0, v.length(t));
        }
        return step;
    }

    /** Whether the byte-level matcher accepts {@code b} as a prefix (one byte at a time, each in its mask). */
    private static boolean bytesAccepted(Grammar bytes, byte[] b) {
        GrammarMatcher m = bytes.newMatcher();
        for (byte x : b) {
            if (!m.tryAccept(x & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static int[] sample(Vocabulary v, Random r, int[] mask, int n) {
        if (n <= 0) {
            return java.util.stream.IntStream.range(0, v.logitsSize()).toArray();
        }
        Set<Integer> s = new java.util.TreeSet<>();
        int[] allowed = TokenMask.ids(mask);
        for (int i = 0; i < n && allowed.length > 0; i++) {
            s.add(allowed[r.nextInt(allowed.length)]);
        }
        for (int i = 0; i < n; i++) {
            s.add(r.nextInt(v.logitsSize()));
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * 256 single bytes, then byte slices (1 to 6 bytes, cut anywhere, so inside multi-byte characters and
     * escapes) of the schema's valid texts and of {@link #SPLITS}, a duplicate, an empty token, a special
     * token, EOS and padding: the shapes {@link RandomGrammars#synthetic} gives random grammars.
     */
    static Vocabulary synthetic(SchemaCorpus c, Random r) {
        List<byte[]> pool = new ArrayList<>();
        for (String t : c.valid()) {
            pool.add(t.getBytes(StandardCharsets.UTF_8));
        }
        for (String s : SPLITS) {
            pool.add(s.getBytes(StandardCharsets.UTF_8));
        }
        Set<String> seen = new LinkedHashSet<>();
        Vocabulary.Builder b = Vocabulary.builder();
        for (int i = 0; i < 256; i++) {
            b.add(new byte[] {(byte) i});
        }
        List<byte[]> made = new ArrayList<>();
        for (int tries = 0; made.size() < 250 && tries < 5000; tries++) {
            byte[] s = pool.get(r.nextInt(pool.size()));
            if (s.length < 2) {
                continue;
            }
            int from = r.nextInt(s.length - 1);
            int to = Math.min(s.length, from + 2 + r.nextInt(5));
            byte[] t = java.util.Arrays.copyOfRange(s, from, to);
            if (seen.add(java.util.HexFormat.of().formatHex(t))) {
                made.add(t);
                b.add(t);
            }
        }
        b.add(made.get(0)); // a duplicate byte string
        b.add(new byte[0]);
        int size = 256 + made.size() + 2;
        b.addSpecial("<s>".getBytes(StandardCharsets.UTF_8));
        b.addSpecial("<|eos|>".getBytes(StandardCharsets.UTF_8));
        return b.eos(size + 1).logitsSize(size + 2 + 5).build();
    }
}
