package org.sampling4j.bench;

import com.knuddels.jtokkit.api.Encoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sampling4j.grammar.GrammarLimits;
import org.sampling4j.grammar.engine.CompiledGrammar;
import org.sampling4j.grammar.engine.EngineLimits;
import org.sampling4j.grammar.engine.MatcherState;
import org.sampling4j.grammar.syntax.CharRanges;
import org.sampling4j.grammar.syntax.Cfg;
import org.sampling4j.grammar.syntax.Cfgs;
import org.sampling4j.grammar.syntax.Expr;
import org.sampling4j.text.Vocabulary;

/**
 * Masks of an object with ten properties whose keys may come in ANY order ({@code Expr.JsonObject}:
 * guarded terminals and the JSON key tracker), beside the same properties in FORCED order (plain
 * sequence, what {@code any_order: false} compiles to), on o200k_base, per call
 * ({@code Mode.SampleTime}: p50 / p99 / max over every step of the replay, as {@link MaskBenchmark}).
 * The text lists the keys in the forced order, so both grammars accept it; the IR is built by hand
 * here (the engine classes are public on the class path) until the JSON Schema front end lands.
 *
 * <pre>
 * flock /tmp/jmh.lock java -jar sampling-bench/target/benchmarks.jar ObjectMaskBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ObjectMaskBenchmark {
    static final String TEXT = "{\"id\": 1284, \"name\": \"Ada Lovelace\", \"email\": \"ada@example.org\", \"age\": 36, "
            + "\"active\": true, \"score\": 97, \"role\": \"admin\", \"tags\": [\"math\", \"engines\"], "
            + "\"address\": {\"street\": \"St James's Square 12\", \"city\": \"London\", \"zip\": \"SW1Y\"}, \"notes\": \"first programmer\"}";

    @Param({"ANY_ORDER", "FORCED_ORDER"})
    public String order;

    private CompiledGrammar compiled;
    private int[] tokens;
    private int[] mask;
    private MatcherState matcher;
    private int step;

    @Setup(Level.Trial)
    public void compile() {
        Encoding encoding = BenchmarkTexts.o200kEncoding();
        Vocabulary vocabulary = BenchmarkTexts.o200kVocabulary();
        GrammarLimits l = GrammarLimits.DEFAULT;
        compiled = CompiledGrammar.compile(Cfgs.prune(cfg(order.equals("ANY_ORDER"))), vocabulary, new EngineLimits(
                l.maxNfaStates(), l.maxDfaStates(), l.maxNesting(), l.maxSymbols(), l.maxEarleyItems(), l.maxCacheBytes()));
        tokens = BenchmarkTexts.tokens(encoding, TEXT);
        MatcherState check = compiled.newState();
        for (int id : tokens) {
            if (!check.tryAccept(id)) {
                throw new IllegalStateException(order + ": the text is not in the language at token " + id);
            }
        }
        if (!check.canStop()) {
            throw new IllegalStateException(order + ": the text is not complete");
        }
        mask = new int[compiled.maskWords()];
        step = tokens.length;
    }

    /** The next step of the replay; a fresh matcher at the start. */
    @Setup(Level.Invocation)
    public void advance() {
        if (step == tokens.length) {
            step = 0;
            matcher = compiled.newState();
            return;
        }
        matcher.tryAccept(tokens[step++]);
        if (step == tokens.length) {
            advance();
        }
    }

    @Benchmark
    public int[] mask() {
        matcher.fillMask(mask);
        return mask;
    }

    /** The schema: id, name, email required; the rest optional; address a nested object (street, city required). */
    static Cfg cfg(boolean anyOrder) {
        Expr ws = new Expr.Repeat(chars(' ', ' ', '\t', '\t', '\n', '\n', '\r', '\r'), 0, 20);
        Expr hex = chars('0', '9', 'A', 'F', 'a', 'f');
        Expr ch = new Expr.Alt(List.of(chars(0x20, 0x21, 0x23, 0x5B, 0x5D, 0x10FFFF), new Expr.Seq(List.of(new Expr.Literal("\\"),
                new Expr.Alt(List.of(chars('"', '"', '/', '/', '\\', '\\', 'b', 'b', 'f', 'f', 'n', 'n', 'r', 'r', 't', 't'),
                        new Expr.Seq(List.of(new Expr.Literal("u"), hex, hex, hex, hex))))))));
        Expr string = new Expr.Seq(List.of(new Expr.Literal("\""), new Expr.Repeat(ch, 0, Expr.Repeat.UNBOUNDED), new Expr.Literal("\"")));
        Expr integer = new Expr.Seq(List.of(new Expr.Repeat(new Expr.Literal("-"), 0, 1), new Expr.Alt(List.of(new Expr.Literal("0"),
                new Expr.Seq(List.of(chars('1', '9'), new Expr.Repeat(chars('0', '9'), 0, Expr.Repeat.UNBOUNDED)))))));
        Expr bool = new Expr.Alt(List.of(new Expr.Literal("true"), new Expr.Literal("false")));
        Expr role = new Expr.Alt(List.of(new Expr.Literal("\"admin\""), new Expr.Literal("\"user\""), new Expr.Literal("\"guest\"")));
        Expr tags = new Expr.Seq(List.of(new Expr.Literal("["), ws, new Expr.Repeat(new Expr.Seq(List.of(string,
                new Expr.Repeat(new Expr.Seq(List.of(ws, new Expr.Literal(","), ws, string)), 0, Expr.Repeat.UNBOUNDED))), 0, 1),
                ws, new Expr.Literal("]")));
        Map<String, Cfg.Rule> rules = new LinkedHashMap<>();
        Object[][] outer = {{"id", ref("int"), true}, {"name", ref("str"), true}, {"email", ref("str"), true},
            {"age", ref("int"), false}, {"active", bool, false}, {"score", ref("int"), false}, {"role", role, false},
            {"tags", tags, false}, {"address", ref("address"), false}, {"notes", ref("str"), false}};
        Object[][] address = {{"street", ref("str"), true}, {"city", ref("str"), true}, {"zip", ref("str"), false}};
        rules.put("root", new Cfg.Rule("root", object(outer, ws, anyOrder), 1, 1));
        rules.put("address", new Cfg.Rule("address", object(address, ws, anyOrder), 2, 1));
        rules.put("str", new Cfg.Rule("str", string, 3, 1));
        rules.put("int", new Cfg.Rule("int", integer, 4, 1));
        return new Cfg(rules, "root");
    }

    /** Any order: a JsonObject; forced: {@code "{" ws m1 (ws "," ws m_i)? ... ws "}"} with optional members skippable. */
    private static Expr object(Object[][] members, Expr ws, boolean anyOrder) {
        if (anyOrder) {
            List<Expr.JsonObject.Member> ms = new ArrayList<>();
            for (Object[] m : members) {
                ms.add(new Expr.JsonObject.Member((String) m[0], (Expr) m[1], (Boolean) m[2]));
            }
            return new Expr.JsonObject(ms, List.of(), 0, -1, ws);
        }
        // forced order with the first member required (true of both objects here): the rest each optional
        List<Expr> items = new ArrayList<>(List.of(new Expr.Literal("{"), ws, member(members[0], ws)));
        for (int i = 1; i < members.length; i++) {
            Expr m = new Expr.Seq(List.of(ws, new Expr.Literal(","), ws, member(members[i], ws)));
            items.add((Boolean) members[i][2] ? m : new Expr.Repeat(m, 0, 1));
        }
        items.add(ws);
        items.add(new Expr.Literal("}"));
        return new Expr.Seq(items);
    }

    private static Expr member(Object[] m, Expr ws) {
        return new Expr.Seq(List.of(new Expr.Literal("\"" + m[0] + "\""), ws, new Expr.Literal(":"), ws, (Expr) m[1]));
    }

    private static Expr ref(String name) {
        return new Expr.Ref(name, 1, 1);
    }

    private static Expr chars(int... pairs) {
        return new Expr.Chars(CharRanges.normalize(pairs));
    }
}
