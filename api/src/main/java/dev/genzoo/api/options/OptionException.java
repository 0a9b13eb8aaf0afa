package dev.genzoo.api.options;

import dev.genzoo.api.GenzooException;

/** A plugin option that is unknown, malformed or out of range; the message says which and why. */
public final class OptionException extends GenzooException {
    private static final long serialVersionUID = 1L;

    /**
     * An option error.
     *
     * @param message one sentence naming the option, the value and what was expected
     */
    public OptionException(String message) {
        super(message);
    }
}
