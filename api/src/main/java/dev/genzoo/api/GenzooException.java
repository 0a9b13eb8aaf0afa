package dev.genzoo.api;

/**
 * An error the user can fix (a bad value, a missing file, an impossible combination). Its message
 * is one sentence, shown as it is, without a stack trace.
 */
public class GenzooException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a one-sentence message.
     *
     * @param message what is wrong and, where possible, how to fix it
     */
    public GenzooException(String message) {
        super(message);
    }

    /**
     * An error with a one-sentence message and its cause (shown only with --verbose).
     *
     * @param message what is wrong and, where possible, how to fix it
     * @param cause the underlying exception
     */
    public GenzooException(String message, Throwable cause) {
        super(message, cause);
    }
}
