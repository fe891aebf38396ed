package org.sampling4j;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of a {@link SamplingParams}, one record per concern (temperature, truncation,
 * penalties, masks, stops, DRY, XTC, mirostat, adaptive-p, thinking budget, logprobs, request,
 * text, constraint), and the few things done to all of them at once: validate, copy into a
 * builder's draft, compare, hash and print. A builder changes its own draft group by group;
 * {@link SamplingParams} holds the {@link #validated()} copy, which nothing changes after.
 *
 * <p>Equality, hashing and printing read the records' components, so a field added to a record
 * takes part in all three without a line here.
 */
final class ParamGroups {
    TemperatureParams temperature = TemperatureParams.DEFAULTS;
    TruncationParams truncation = TruncationParams.DEFAULTS;
    PenaltyParams penalty = PenaltyParams.DEFAULTS;
    MaskParams mask = MaskParams.defaults();
    StopParams stop = StopParams.DEFAULTS;
    DryParams dry = DryParams.DEFAULTS;
    XtcParams xtc = XtcParams.DEFAULTS;
    MirostatParams mirostat = MirostatParams.DEFAULTS;
    AdaptivePParams adaptiveP = AdaptivePParams.DEFAULTS;
    ThinkingParams thinking = ThinkingParams.DEFAULTS;
    LogprobParams logprob = LogprobParams.DEFAULTS;
    RequestParams request = RequestParams.DEFAULTS;
    TextParams text = TextParams.DEFAULTS;
    ConstraintParams constraint = ConstraintParams.DEFAULTS;

    /**
     * Each group checked, in this order (so the first bad setting named is always the same), into
     * a new holder whose groups share nothing mutable with this draft.
     */
    ParamGroups validated() {
        ParamGroups v = new ParamGroups();
        v.temperature = temperature.validated();
        v.truncation = truncation.validated();
        v.penalty = penalty.validated();
        v.mask = mask.validated();
        v.stop = stop.validated();
        v.dry = dry.validated();
        v.xtc = xtc.validated();
        v.mirostat = mirostat.validated();
        v.adaptiveP = adaptiveP.validated();
        v.thinking = thinking.validated();
        v.logprob = logprob.validated();
        v.request = request.validated();
        v.text = text.validated();
        v.constraint = constraint.validated();
        return v;
    }

    /** A draft for a builder: the records are immutable and shared, the mask group (its bias map) is copied. */
    ParamGroups draft() {
        ParamGroups d = new ParamGroups();
        d.temperature = temperature;
        d.truncation = truncation;
        d.penalty = penalty;
        d.mask = mask.draft();
        d.stop = stop;
        d.dry = dry;
        d.xtc = xtc;
        d.mirostat = mirostat;
        d.adaptiveP = adaptiveP;
        d.thinking = thinking;
        d.logprob = logprob;
        d.request = request;
        d.text = text;
        d.constraint = constraint;
        return d;
    }

    /**
     * Every field as {name, value}: the components of each group record, in order. One list for
     * equals, hashCode and toString, read from the records themselves so that none is left out.
     */
    private List<Object[]> fields() {
        List<Object[]> fields = new ArrayList<>();
        for (Record group : new Record[] {temperature, truncation, penalty, mask, stop, dry, xtc, mirostat, adaptiveP,
            thinking, logprob, request, text, constraint}) {
            for (RecordComponent c : group.getClass().getRecordComponents()) {
                try {
                    fields.add(new Object[] {c.getName(), c.getAccessor().invoke(group)});
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return fields;
    }

    /** Whether every field equals {@code other}'s, arrays by content. */
    boolean sameFields(ParamGroups other) {
        return Arrays.deepEquals(fields().toArray(), other.fields().toArray());
    }

    /** A hash of every field, arrays by content. */
    int fieldsHash() {
        return Arrays.deepHashCode(fields().toArray());
    }

    /** {@code name=value} for every field, in order, arrays by content: {@code SamplingParams{temperature=1.0, ...}}. */
    String describe(String typeName) {
        StringBuilder s = new StringBuilder(typeName).append('{');
        String separator = "";
        for (Object[] field : fields()) {
            Object v = field[1];
            s.append(separator).append(field[0]).append('=').append(v instanceof Object[] ? Arrays.deepToString((Object[]) v)
                    : v instanceof int[] ? Arrays.toString((int[]) v) : String.valueOf(v));
            separator = ", ";
        }
        return s.append('}').toString();
    }
}
