package dev.genzoo.api.options;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name nearest to a misspelt one by Levenshtein edit distance (Levenshtein
 * 1966), for "did you mean" messages.
 */
public final class NearestName {
    private NearestName() {}

    /**
     * The candidate nearest to {@code given}, if one is close enough to be a plausible typo: at
     * most a third of the longer name's letters apart, or a prefix of it.
     *
     * @param given the name the user wrote
     * @param candidates the known names
     * @return the nearest known name, or empty if none is plausible
     */
    public static Optional<String> to(String given, Collection<String> candidates) {
        String needle = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int d = c.startsWith(needle) || needle.startsWith(c) ? 0 : distance(needle, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best == null || needle.isEmpty()) {
            return Optional.empty();
        }
        int allowed = Math.max(2, Math.max(needle.length(), best.length()) / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * " (did you mean 'x'?)" for the nearest candidate, or "" when none is near.
     *
     * @param given the name the user wrote
     * @param candidates the known names
     * @return a suffix for an error message
     */
    public static String suggestion(String given, Collection<String> candidates) {
        return to(given, candidates).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    /**
     * The Levenshtein distance between two strings.
     *
     * @param a one string
     * @param b the other
     * @return the number of single-character edits turning a into b
     */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
