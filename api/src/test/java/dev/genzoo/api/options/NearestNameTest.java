package dev.genzoo.api.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link NearestName}: Levenshtein distances against hand-worked examples and against the recursive
 * definition, and the rule for when a name is near enough to suggest.
 */
final class NearestNameTest {
    private static final List<String> KEYS = List.of("hidden", "latent", "activation");

    @Test
    void distanceOfHandWorkedPairs() {
        assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.distance("flaw", "lawn")).isEqualTo(2);
        assertThat(NearestName.distance("intention", "execution")).isEqualTo(5);
        assertThat(NearestName.distance("latent", "latnet")).isEqualTo(2);
        assertThat(NearestName.distance("hiden", "hidden")).isEqualTo(1);
        assertThat(NearestName.distance("", "abc")).isEqualTo(3);
        assertThat(NearestName.distance("abc", "")).isEqualTo(3);
        assertThat(NearestName.distance("same", "same")).isZero();
    }

    @Test
    void distanceAgreesWithTheRecursiveDefinition() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            String a = randomWord(random);
            String b = randomWord(random);
            int expected = new Recursive(a, b).distance(a.length(), b.length());
            assertThat(NearestName.distance(a, b)).as("%s -> %s", a, b).isEqualTo(expected);
            assertThat(NearestName.distance(b, a)).isEqualTo(expected);
        }
    }

    @Test
    void suggestsTheNearestCandidateForATypo() {
        assertThat(NearestName.to("latnet", KEYS)).contains("latent");
        assertThat(NearestName.to("hiden", KEYS)).contains("hidden");
        assertThat(NearestName.to("activaton", KEYS)).contains("activation");
    }

    @Test
    void comparesWithoutCaseAndReturnsTheCandidateAsDeclared() {
        assertThat(NearestName.to("LATENT", KEYS)).contains("latent");
        assertThat(NearestName.to("hidden", List.of("Hidden"))).contains("Hidden");
    }

    @Test
    void aPrefixEitherWayIsNear() {
        assertThat(NearestName.to("act", KEYS)).contains("activation");
        assertThat(NearestName.to("latent-dims", KEYS)).contains("latent");
    }

    @Test
    void farAwayNamesGetNoSuggestion() {
        assertThat(NearestName.to("zzzzzzz", KEYS)).isEmpty();
        assertThat(NearestName.to("beta", KEYS)).isEmpty();
        assertThat(NearestName.to("", KEYS)).isEmpty();
        assertThat(NearestName.to("latent", List.of())).isEmpty();
    }

    /** Up to a third of the longer name's letters (at least two) may differ. */
    @Test
    void allowsAThirdOfTheLongerNameToDiffer() {
        assertThat(NearestName.to("abcdefghij", List.of("abcdefgxyz"))).contains("abcdefgxyz");
        assertThat(NearestName.to("abcdefghij", List.of("abcdefwxyz"))).isEmpty();
        assertThat(NearestName.to("ab", List.of("xy"))).contains("xy");
        assertThat(NearestName.to("abc", List.of("xyz"))).isEmpty();
    }

    @Test
    void suggestionIsASuffixForAMessage() {
        assertThat(NearestName.suggestion("latnet", KEYS)).isEqualTo("; did you mean 'latent'?");
        assertThat(NearestName.suggestion("zzzzzzz", KEYS)).isEmpty();
    }

    private static String randomWord(Random random) {
        int length = random.nextInt(7);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(3)));
        }
        return word.toString();
    }

    /** lev(i, j) from its definition: the cheapest of deleting, inserting or substituting last. */
    private static final class Recursive {
        private final String a;
        private final String b;
        private final Map<Long, Integer> memo = new HashMap<>();

        Recursive(String a, String b) {
            this.a = a;
            this.b = b;
        }

        int distance(int i, int j) {
            if (i == 0) {
                return j;
            }
            if (j == 0) {
                return i;
            }
            Long key = (long) i << 32 | j;
            Integer known = memo.get(key);
            if (known != null) {
                return known;
            }
            int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
            int result =
                    Math.min(distance(i - 1, j - 1) + cost, Math.min(distance(i - 1, j) + 1, distance(i, j - 1) + 1));
            memo.put(key, result);
            return result;
        }
    }
}
