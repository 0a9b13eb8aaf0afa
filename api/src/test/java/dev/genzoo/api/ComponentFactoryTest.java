package dev.genzoo.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.options.Option;
import dev.genzoo.api.options.Options;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A factory that fits no default to the data offers its plain options for every data shape. */
final class ComponentFactoryTest {

    @Test
    void optionsForAnyDataAreThePlainOptionsUnlessOverridden() {
        Option<Integer> latent = Option.integer("latent", 20, "latent size");
        PriorFactory factory = new PriorFactory() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public String description() {
                return "a prior with one option";
            }

            @Override
            public List<Option<?>> options() {
                return List.of(latent);
            }

            @Override
            public Prior create(Options options, BuildContext context) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(factory.optionsFor(new Shape(1, 8, 8))).containsExactly(latent);
        assertThat(factory.optionsFor(new Shape(2))).isEqualTo(factory.options());
    }
}
