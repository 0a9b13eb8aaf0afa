package dev.genzoo.api.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Option}: parsing of each type, the range checks, and the exact wording of the messages a
 * user reads ("option 'x' of owner must be ..., got '...'").
 */
final class OptionTest {
    private static final String OWNER = "encoder 'mlp-gaussian'";

    @Test
    void integerParsesTrimmedTextAndRefusesFractions() {
        Option<Integer> latent = Option.integer("latent", 20, "latent dimensions");

        assertThat(latent.parse(" 12 ", OWNER)).isEqualTo(12);
        assertThat(latent.parse("-3", OWNER)).isEqualTo(-3);
        assertThatThrownBy(() -> latent.parse("1.5", OWNER))
                .isInstanceOf(OptionException.class)
                .isInstanceOf(GenzooException.class)
                .hasMessage("option 'latent' of encoder 'mlp-gaussian' must be an integer, got '1.5'");
    }

    @Test
    void realParsesScientificNotationAndRefusesNonFiniteValues() {
        Option<Double> beta = Option.real("beta", 1.0, "KL weight");

        assertThat(beta.parse("1e-3", OWNER)).isEqualTo(0.001);
        assertThat(beta.parse("2.5", OWNER)).isEqualTo(2.5);
        for (String text : List.of("NaN", "Infinity", "-Infinity", "", "one")) {
            assertThatThrownBy(() -> beta.parse(text, OWNER))
                    .isInstanceOf(OptionException.class)
                    .hasMessage("option 'beta' of encoder 'mlp-gaussian' must be a number, got '" + text + "'");
        }
    }

    @Test
    void flagAcceptsTrueAndFalseInAnyCaseOnly() {
        Option<Boolean> flag = Option.flag("learned", false, "learn it");

        assertThat(flag.parse("TRUE", OWNER)).isTrue();
        assertThat(flag.parse(" false", OWNER)).isFalse();
        assertThatThrownBy(() -> flag.parse("yes", OWNER))
                .isInstanceOf(OptionException.class)
                .hasMessage("option 'learned' of encoder 'mlp-gaussian' must be true or false, got" + " 'yes'");
    }

    @Test
    void choiceAcceptsItsWordsAndSuggestsTheNearestForATypo() {
        Option<String> kl = Option.choice("kl", "auto", "how", "auto", "analytic", "monte-carlo");

        assertThat(kl.parse("monte-carlo", "objective 'elbo'")).isEqualTo("monte-carlo");
        assertThatThrownBy(() -> kl.parse("analytc", "objective 'elbo'"))
                .isInstanceOf(OptionException.class)
                .hasMessage("option 'kl' of objective 'elbo' must be one of auto, analytic,"
                        + " monte-carlo, got 'analytc'; did you mean 'analytic'?");
        assertThatThrownBy(() -> kl.parse("zzzzzzzz", "objective 'elbo'"))
                .hasMessage("option 'kl' of objective 'elbo' must be one of auto, analytic,"
                        + " monte-carlo, got 'zzzzzzzz'");
    }

    @Test
    void choiceRefusesADefaultThatIsNotAChoice() {
        assertThatThrownBy(() -> Option.choice("kl", "exact", "how", "auto", "analytic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exact");
    }

    @Test
    void integersParseACommaSeparatedListAndFormatItBack() {
        Option<List<Integer>> hidden = Option.integers("hidden", List.of(400), "widths");

        List<Integer> parsed = hidden.parse("400, 200,50", OWNER);

        assertThat(parsed).containsExactly(400, 200, 50);
        assertThat(hidden.format(parsed)).isEqualTo("400,200,50");
        assertThat(hidden.defaultText()).isEqualTo("400");
        assertThatThrownBy(() -> hidden.parse("400,,2", OWNER))
                .hasMessage("option 'hidden' of encoder 'mlp-gaussian' must be a comma-separated list"
                        + " of integers, got '400,,2'");
    }

    @Test
    void atLeastNamesTheOptionOwnerRequirementAndText() {
        Option<Integer> latent =
                Option.integer("latent", 20, "latent dimensions").atLeast(1);

        assertThat(latent.parse("1", OWNER)).isEqualTo(1);
        assertThatThrownBy(() -> latent.parse("0", OWNER))
                .isInstanceOf(OptionException.class)
                .hasMessage("option 'latent' of encoder 'mlp-gaussian' must be >= 1, got '0'");
        assertThat(latent.accepted()).isEqualTo("an integer, >= 1");
    }

    @Test
    void atLeastAppliesToEveryElementOfAList() {
        Option<List<Integer>> hidden =
                Option.integers("hidden", List.of(400), "widths").atLeast(1);

        assertThat(hidden.parse("3,1", OWNER)).containsExactly(3, 1);
        assertThatThrownBy(() -> hidden.parse("400,0", OWNER))
                .hasMessage("option 'hidden' of encoder 'mlp-gaussian' must be >= 1, got '400,0'");
    }

    @Test
    void aboveExcludesItsBound() {
        Option<Double> sigma = Option.real("sigma", 0.1, "noise").above(0);

        assertThat(sigma.parse("1e-9", OWNER)).isEqualTo(1e-9);
        assertThatThrownBy(() -> sigma.parse("0", OWNER))
                .hasMessage("option 'sigma' of encoder 'mlp-gaussian' must be > 0, got '0'");
        assertThatThrownBy(() -> sigma.parse("-0.5", OWNER))
                .hasMessage("option 'sigma' of encoder 'mlp-gaussian' must be > 0, got '-0.5'");
    }

    @Test
    void checksCombineAndFractionalBoundsPrintAsWritten() {
        Option<Double> rate = Option.real("rate", 0.5, "a rate").atLeast(0.25).atMost(1);

        assertThat(rate.parse("1", OWNER)).isEqualTo(1.0);
        assertThatThrownBy(() -> rate.parse("0.2", OWNER))
                .hasMessage("option 'rate' of encoder 'mlp-gaussian' must be >= 0.25, got '0.2'");
        assertThatThrownBy(() -> rate.parse("1.5", OWNER))
                .hasMessage("option 'rate' of encoder 'mlp-gaussian' must be <= 1, got '1.5'");
        assertThat(rate.accepted()).isEqualTo("a number, >= 0.25, <= 1");
    }

    @Test
    void aDefaultOutsideItsOwnRangeIsAProgrammingError() {
        assertThatThrownBy(() -> Option.integer("samples", 0, "draws").atLeast(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the default of samples is not >= 1");
    }

    @Test
    void namesAreLowerCaseWordsJoinedByHyphens() {
        assertThat(Option.real("warmup-epochs", 0, "epochs").name()).isEqualTo("warmup-epochs");
        assertThatThrownBy(() -> Option.real("warmupEpochs", 0, "epochs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Option.real("warmup_epochs", 0, "epochs"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsPrintAsAUserWouldWriteThem() {
        assertThat(Option.real("beta", 1.0, "weight").defaultText()).isEqualTo("1");
        assertThat(Option.real("sigma", 0.1, "noise").defaultText()).isEqualTo("0.1");
        assertThat(Option.integer("latent", 20, "dims").toString()).isEqualTo("latent=20");
        assertThat(Option.flag("learned", true, "learn").defaultText()).isEqualTo("true");
    }
}
