package dev.genzoo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** A term's name is checked where the objective declares it: a word that is a CSV column and a JSON key. */
final class ObjectiveValueTest {

    @Test
    void termsKeepTheirOrderAndWordsAreAccepted() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(1f);
            ObjectiveValue value = ObjectiveValue.of(x)
                    .term("reconstruction", x)
                    .term("kl-weight", x)
                    .term("bits_2", x)
                    .build();
            assertThat(value.terms().keySet()).containsExactly("reconstruction", "kl-weight", "bits_2");
        }
    }

    @Test
    void namesThatWouldBreakAColumnOrClashAreRefused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(1f);
            for (String bad : new String[] {"a,b", "KL", "two words", "", "1st", "loss", "bound", "bits_per_dim"}) {
                assertThatThrownBy(() -> ObjectiveValue.of(x).term(bad, x))
                        .as(bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("cannot name a term");
            }
            assertThatThrownBy(() -> ObjectiveValue.of(x).term("kl", x).term("kl", x))
                    .hasMessageContaining("given twice");
        }
    }
}
