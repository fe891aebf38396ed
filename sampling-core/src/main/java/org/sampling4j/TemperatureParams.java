package org.sampling4j;

import static org.sampling4j.processor.DynamicTemperatureProcessor.DYNATEMP_EXPONENT;
import static org.sampling4j.processor.DynamicTemperatureProcessor.DYNATEMP_RANGE;
import static org.sampling4j.processor.TemperatureProcessor.TEMPERATURE;

/** {@link SamplingParams}' temperature, fixed or dynamic (entropy-scaled). */
record TemperatureParams(double temperature, double dynatempRange, double dynatempExponent) {
    static final TemperatureParams DEFAULTS = new TemperatureParams(TEMPERATURE.defaultValue(), DYNATEMP_RANGE.defaultValue(),
            DYNATEMP_EXPONENT.defaultValue());

    /** Each value checked with its processor's declared setting. */
    TemperatureParams validated() {
        return new TemperatureParams(TEMPERATURE.check(temperature), DYNATEMP_RANGE.check(dynatempRange),
                DYNATEMP_EXPONENT.check(dynatempExponent));
    }

    TemperatureParams withTemperature(double value) {
        return new TemperatureParams(value, dynatempRange, dynatempExponent);
    }
}
