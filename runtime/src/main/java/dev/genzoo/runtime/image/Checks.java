package dev.genzoo.runtime.image;

/** Argument checks shared by the pictures; a failure is a programming error, not a user error. */
final class Checks {
    private Checks() {}

    /**
     * Requires a count or size to be at least 1.
     *
     * @param what the argument, as the message should name it
     * @param value its value
     * @throws IllegalArgumentException if the value is below 1
     */
    static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("The " + what + " must be at least 1, not " + value + ".");
        }
    }

    /**
     * Requires an array to hold exactly the number of values its shape implies.
     *
     * @param what the array, as the message should name it
     * @param actual its length
     * @param expected the product of its dimensions
     * @throws IllegalArgumentException if they differ
     */
    static void length(String what, int actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(
                    "The " + what + " hold " + actual + " values but their shape needs " + expected + ".");
        }
    }
}
