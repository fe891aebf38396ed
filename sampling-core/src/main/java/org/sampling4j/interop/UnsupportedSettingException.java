package org.sampling4j.interop;

/**
 * A request named a step or a parameter this version of Sampling4J does not implement. Distinct
 * from {@link IllegalArgumentException} (a known setting with a bad value) so that callers can
 * report "unsupported" rather than "invalid".
 */
public final class UnsupportedSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String setting;

    /** @param setting the step or parameter name, as the request spelled it */
    public UnsupportedSettingException(String setting) {
        super(setting + " is not supported by this version of Sampling4J");
        this.setting = setting;
    }

    /** With a message that says why, for {@code setting}. */
    public UnsupportedSettingException(String message, String setting) {
        super(message);
        this.setting = setting;
    }

    /** The step or parameter name, as the request spelled it. */
    public String setting() {
        return setting;
    }
}
