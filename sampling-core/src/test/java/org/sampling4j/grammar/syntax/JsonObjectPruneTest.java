package org.sampling4j.grammar.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Cfgs#prune} on {@link Expr.JsonObject}: productive iff its bounds can be met with productive members. */
class JsonObjectPruneTest {
    private static final Expr NOTHING = new Expr.Chars(new int[0]);
    private static final Expr ONE = new Expr.Literal("1");
    private static final Expr KEYS = new Expr.Literal("\"x\"");

    private static Expr.JsonObject object(List<Expr.JsonObject.Member> members, List<Expr.JsonObject.KeyClass> classes, int min, int max) {
        return new Expr.JsonObject(members, classes, min, max, Expr.EMPTY);
    }

    private static Expr.JsonObject.Member m(String key, Expr value, boolean required) {
        return new Expr.JsonObject.Member(key, value, required);
    }

    @Test
    void optionalMembersAndClassesThatProduceNothingAreDropped() {
        Cfg cfg = Cfg.single(object(List.of(m("a", ONE, true), m("b", NOTHING, false)),
                List.of(new Expr.JsonObject.KeyClass(KEYS, NOTHING)), 0, -1));
        Expr.JsonObject pruned = (Expr.JsonObject) Cfgs.prune(cfg).rootRule().body();
        assertEquals(List.of(m("a", ONE, true)), pruned.members());
        assertTrue(pruned.additional().isEmpty());
    }

    @Test
    void unsatisfiableObjectsAcceptNothing() {
        List<Expr.JsonObject> bad = List.of(
                object(List.of(m("a", NOTHING, true)), List.of(), 0, -1), // a required value that produces nothing
                object(List.of(m("a", ONE, true), m("b", ONE, true)), List.of(), 0, 1), // two required, at most one member
                object(List.of(m("a", ONE, false), m("b", NOTHING, false)), List.of(), 2, -1)); // two members, one available
        for (Expr.JsonObject o : bad) {
            SyntaxException e = assertThrows(SyntaxException.class, () -> Cfgs.prune(Cfg.single(o)), o.toString());
            assertEquals(SyntaxException.Kind.INVALID, e.kind());
        }
        // a key class is an unbounded supply of members: min 5 is reachable
        Cfgs.prune(Cfg.single(object(List.of(m("a", ONE, false)), List.of(new Expr.JsonObject.KeyClass(KEYS, ONE)), 5, -1)));
    }

    @Test
    void badBoundsAndRepeatedKeysAreRefusedByTheRecord() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> object(List.of(), List.of(), 3, 2));
        assertTrue(e.getMessage().contains("{3,2}"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> object(List.of(m("a", ONE, false), m("a", ONE, true)), List.of(), 0, -1));
        assertTrue(e.getMessage().contains("\"a\""), e.getMessage());
    }
}
