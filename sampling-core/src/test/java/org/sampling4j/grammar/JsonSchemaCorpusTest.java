package org.sampling4j.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sampling4j.KernelIndependent;
import org.sampling4j.text.RealVocabularies;
import org.sampling4j.text.Vocabulary;

/**
 * The schema corpus against the networknt oracle and the compiled grammars:
 * (1) the corpus is right: every {@code valid} instance validates under networknt, every {@code invalid}
 * one does not; (2) each schema compiles, or is refused as the corpus expects (its {@code refused} text,
 * or a refusal pending another lane); (3) every valid text is accepted byte by byte and under the o200k
 * tokenization, every invalid text rejected; (4) texts generated under the mask (random choices among the
 * allowed tokens, seeded, biased toward closing so texts complete) validate under networknt: zero invalid,
 * under the corpus options and under forced key order, on a byte vocabulary and on o200k.
 */
@KernelIndependent
class JsonSchemaCorpusTest {
    private static final long SEED = 0x5C4E_3A13L;
    /**
     * Generated texts per schema and mode on the byte vocabulary, and on o200k. The corpus grew from 146 to
     * over 300 schemas; 6 and 2 per schema kept CI's time per row in check at 146, 3 and 1 do at 300+
     * (about as many generated texts in all, spread over twice the schemas).
     */
    private static final int BYTE_SEEDS = 3;
    private static final int O200K_SEEDS = 1;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time of the generation part, for the report line (the corpus grows; CI time per row is watched). */
    private static final long[] generationNanos = new long[1];
    private static final SchemaOracle ORACLE = new SchemaOracle();
    static final Vocabulary BYTES = GrammarSmokeTest.bytesVocab();
    /** Bytes that close values quickly: preferred half of the time so random texts complete. */
    private static final String CLOSING = "\"}],:0123456789-";

    @Test
    void everyCorpusInstanceIsJudgedByTheOracleAsTheCorpusSays() {
        List<SchemaCorpus> corpus = SchemaCorpus.load();
        assertTrue(corpus.size() >= 300, "corpus has " + corpus.size() + " schemas");
        for (SchemaCorpus c : corpus) {
            assertTrue(!c.valid().isEmpty() && !c.invalid().isEmpty(), c.name() + ": needs valid and invalid instances");
            for (String v : c.valid()) {
                assertTrue(ORACLE.valid(c.schema(), v, c.options().formatAssertion()), c.name() + ": oracle rejects valid " + v);
            }
            for (String v : c.invalid()) {
                assertTrue(!ORACLE.valid(c.schema(), v, c.options().formatAssertion()), c.name() + ": oracle accepts invalid " + v);
            }
        }
    }

    /**
     * A file's name says whether it is refused: {@code refused-*} (or {@code *-refused}) files, and only they,
     * carry {@code refused} / {@code refused_budget}, so a schema that starts to compile cannot keep a name that
     * says otherwise (the compile test then fails on the missing refusal), nor a refused one hide among the others.
     */
    @Test
    void aFileIsNamedRefusedIffItExpectsARefusal() {
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (SchemaCorpus c : SchemaCorpus.load()) {
            boolean named = c.name().startsWith("refused-") || c.name().endsWith("-refused.json");
            boolean expects = c.refused() != null || c.budget() != null;
            refused += expects ? 1 : 0;
            if (named != expects) {
                wrong.add(c.name() + (named ? " is named refused but expects no refusal" : " expects a refusal but is not named refused-"));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(refused > 0, "no refused corpus file");
    }

    @Test
    void compiledSchemasAcceptTheValidRejectTheInvalidAndGenerateOnlyValid() throws Exception {
        Vocabulary o200k = GrammarRealVocabularyTest.o200k();
        List<String> refusals = new ArrayList<>();
        int compiled = 0;
        int generated = 0;
        List<String> failures = new ArrayList<>();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        for (SchemaCorpus c : SchemaCorpus.load()) {
            try {
                generated += check(c, o200k, refusals);
                compiled += refusals.isEmpty() || !refusals.get(refusals.size() - 1).startsWith(c.name() + "\t") ? 1 : 0;
            } catch (AssertionError | RuntimeException e) {
                failures.add(c.name() + ": " + e);
            }
        }
        Path report = Path.of("target", "schema-refusals.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, refusals);
        System.out.printf(java.util.Locale.ROOT, "schema corpus: %d compiled, %d refusals, %d generated texts validated;"
                        + " CPU %.1f s, of which generation and its validation %.1f s; refusals in %s%n", compiled, refusals.size(),
                generated, (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9, generationNanos[0] / 1e9, report.toAbsolutePath());
        assertTrue(failures.isEmpty(), failures.size() + " schemas failed:\n" + String.join("\n", failures));
        assertTrue(compiled >= 40, "only " + compiled + " corpus schemas compiled");
        assertTrue(generated >= 4 * compiled, "only " + generated + " generated texts completed");
    }

    /** All checks of one schema; returns the number of generated texts validated. */
    private static int check(SchemaCorpus c, Vocabulary o200k, List<String> refusals) {
        int generated = 0;
        {
            Grammar bytes;
            try {
                bytes = Grammar.jsonSchema(c.schema(), BYTES, c.options(), GrammarLimits.DEFAULT);
            } catch (GrammarException e) {
                checkRefusal(c, e);
                refusals.add(c.name() + "\t" + e.getMessage());
                return 0;
            }
            if (c.refused() != null || c.budget() != null) {
                fail(c.name() + ": expected a refusal at " + c.refused() + " / " + c.budget() + ", but it compiled");
            }
            Grammar real = Grammar.jsonSchema(c.schema(), o200k, c.options(), GrammarLimits.DEFAULT);
            if (c.options().anyOrder()) {
                for (String v : c.valid()) {
                    assertEquals(-1, rejectedAtByte(bytes, v), c.name() + ": valid text rejected byte by byte: " + v);
                    assertEquals(-1, rejectedAtToken(real, v), c.name() + ": valid text rejected under o200k: " + v);
                }
            }
            for (String v : c.invalid()) {
                assertTrue(rejectedAtByte(bytes, v) >= 0, c.name() + ": invalid text accepted: " + v);
            }
            for (String v : c.outside()) {
                assertTrue(ORACLE.valid(c.schema(), v, c.options().formatAssertion()), c.name() + ": outside text not valid: " + v);
                assertTrue(rejectedAtByte(bytes, v) >= 0, c.name() + ": text the options exclude accepted: " + v);
            }
            for (String v : c.byDesign()) { // the documented exceptions: valid, yet refused on purpose
                assertTrue(ORACLE.valid(c.schema(), v, c.options().formatAssertion()), c.name() + ": by-design text not valid: " + v);
                assertTrue(rejectedAtByte(bytes, v) >= 0, c.name() + ": text refused by design accepted: " + v);
            }
            long gen0 = CPU.getCurrentThreadCpuTime();
            Random r = new Random(SEED ^ c.name().hashCode());
            List<Grammar> modes = new ArrayList<>(List.of(bytes));
            try {
                modes.add(Grammar.jsonSchema(c.schema(), BYTES, c.options().withAnyOrder(false), GrammarLimits.DEFAULT));
            } catch (GrammarException e) {
                refusals.add(c.name() + " (forced order)\t" + e.getMessage());
            }
            for (Grammar g : modes) {
                for (int seed = 0; seed < BYTE_SEEDS; seed++) {
                    String text = generate(g, r, 400);
                    if (text != null) {
                        generated++;
                        assertTrue(ORACLE.valid(c.schema(), text, c.options().formatAssertion()),
                                c.name() + ": generated an invalid text: " + text);
                    }
                }
            }
            for (int seed = 0; seed < O200K_SEEDS; seed++) {
                String text = generate(real, r, 150);
                if (text != null) {
                    generated++;
                    assertTrue(ORACLE.valid(c.schema(), text, c.options().formatAssertion()),
                            c.name() + ": generated an invalid text under o200k: " + text);
                }
            }
            generationNanos[0] += CPU.getCurrentThreadCpuTime() - gen0;
        }
        return generated;
    }

    /**
     * A refusal the corpus expects, and honest: UNSUPPORTED with the expected JSON pointer, the message
     * {@code "unsupported: <pointer>: <reason>"}, and the pointer names a keyword that is in the schema
     * (it resolves in the schema document and its last segment is that keyword's name); or BUDGET with
     * the expected text. Anything else (INVALID, another pointer, no pointer) fails.
     */
    private static void checkRefusal(SchemaCorpus c, GrammarException e) {
        if (c.budget() != null) {
            assertEquals(GrammarException.Kind.BUDGET, e.kind(), c.name() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(c.budget()), c.name() + ": budget refusal without '" + c.budget() + "': " + e.getMessage());
            return;
        }
        if (c.refused() == null) {
            fail(c.name() + ": refused unexpectedly: " + e.getMessage());
        }
        assertEquals(GrammarException.Kind.UNSUPPORTED, e.kind(), c.name() + ": " + e.getMessage());
        assertEquals(c.refused(), e.pointer(), c.name() + ": refusal's pointer: " + e.getMessage());
        String head = "unsupported: " + c.refused() + ": ";
        assertTrue(e.getMessage().startsWith(head), c.name() + ": refusal does not start with '" + head + "': " + e.getMessage());
        assertTrue(!SchemaOracle.STRICT.readTree(c.schema()).at(c.refused()).isMissingNode(),
                c.name() + ": the refusal's pointer names no keyword of the schema: " + e.getMessage());
    }

    /** The first byte index whose byte is not in its mask, the length when incomplete at the end, -1 when accepted. */
    static int rejectedAtByte(Grammar g, String text) {
        GrammarMatcher m = g.newMatcher();
        int[] mask = new int[g.maskWords()];
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            m.fillMask(mask);
            if (!TokenMask.isAllowed(mask, b[i] & 0xFF)) {
                return i;
            }
            m.accept(b[i] & 0xFF);
        }
        return m.canStop() ? -1 : b.length;
    }

    static int rejectedAtToken(Grammar g, String text) {
        GrammarMatcher m = g.newMatcher();
        int[] mask = new int[g.maskWords()];
        int[] ids = RealVocabularies.o200kEncoding().encodeOrdinary(text).toArray();
        for (int i = 0; i < ids.length; i++) {
            m.fillMask(mask);
            if (!TokenMask.isAllowed(mask, ids[i])) {
                return i;
            }
            m.accept(ids[i]);
        }
        return m.canStop() ? -1 : ids.length;
    }

    /**
     * A random text under the mask: at each step a uniformly random allowed token, half of the time among
     * those whose bytes all close values quickly ({@link #CLOSING}); EOS taken with probability 1/2 when
     * allowed. Null when not complete after {@code maxTokens}.
     */
    static String generate(Grammar g, Random r, int maxTokens) {
        Vocabulary v = g.vocabulary();
        GrammarMatcher m = g.newMatcher();
        int[] mask = new int[g.maskWords()];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int step = 0; step < maxTokens; step++) {
            m.fillMask(mask);
            boolean eos = false;
            boolean text = false;
            for (int id : TokenMask.ids(mask)) {
                eos |= v.isEos(id);
                text |= !v.isEos(id);
            }
            if (eos && (!text || r.nextBoolean())) {
                return out.toString(StandardCharsets.UTF_8);
            }
            int t = pick(v, mask, r);
            if (t < 0) {
                throw new AssertionError("no token allowed and not complete after '" + out + "'");
            }
            m.accept(t);
            out.write(v.bytes(t), 0, v.length(t));
        }
        return null;
    }

    /**
     * A uniformly random allowed text (non-EOS) token of {@code mask}, half of the time among those whose
     * bytes all close values quickly ({@link #CLOSING}); -1 when none is allowed.
     */
    static int pick(Vocabulary v, int[] mask, Random r) {
        List<Integer> text = new ArrayList<>();
        List<Integer> closing = new ArrayList<>();
        for (int id : TokenMask.ids(mask)) {
            if (!v.isEos(id)) {
                text.add(id);
                if (closing(v)[id]) {
                    closing.add(id);
                }
            }
        }
        if (text.isEmpty()) {
            return -1;
        }
        List<Integer> pool = !closing.isEmpty() && r.nextBoolean() ? closing : text;
        return pool.get(r.nextInt(pool.size()));
    }

    private static final java.util.Map<Vocabulary, boolean[]> CLOSING_TOKENS = new java.util.IdentityHashMap<>();

    /** For each id: a non-empty text token whose bytes are all in {@link #CLOSING}; computed once per vocabulary. */
    private static boolean[] closing(Vocabulary v) {
        return CLOSING_TOKENS.computeIfAbsent(v, x -> {
            boolean[] out = new boolean[x.logitsSize()];
            for (int id = 0; id < x.size(); id++) {
                boolean ok = x.isToken(id) && x.length(id) > 0 && !x.isSpecial(id);
                for (int i = 0; ok && i < x.length(id); i++) {
                    ok = CLOSING.indexOf(x.byteAt(id, i)) >= 0;
                }
                out[id] = ok;
            }
            return out;
        });
    }
}
