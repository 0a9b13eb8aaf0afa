package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.ConstantInitializer;
import dev.genzoo.api.Decoder;
import dev.genzoo.api.Encoder;
import dev.genzoo.api.EncoderKind;
import dev.genzoo.api.Encoding;
import dev.genzoo.api.GenerativeModel;
import dev.genzoo.api.Objective;
import dev.genzoo.api.ObjectiveValue;
import dev.genzoo.api.Prior;
import dev.genzoo.api.StepContext;
import dev.genzoo.runtime.model.AssembledModel;
import dev.genzoo.runtime.train.EpochRecord;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A codebook of which the held-out split uses under a tenth is reported as collapsed. */
final class CodebookUsageTest {

    /** A model whose encoder owns a codebook of the given number of rows, and nothing else works. */
    private static AssembledModel withCodebook(NDManager manager, int codes) {
        Parameter codebook = Parameter.builder()
                .setName("codebook")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(codes, 4))
                .optInitializer(new ConstantInitializer(0))
                .build();
        codebook.initialize(manager, DataType.FLOAT32);
        Encoder encoder = new Encoder() {
            @Override
            public EncoderKind kind() {
                return EncoderKind.POINT_MASS;
            }

            @Override
            public Shape latentShape() {
                return new Shape(4);
            }

            @Override
            public Encoding encode(NDArray x, StepContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ParameterList parameters() {
                ParameterList list = new ParameterList();
                list.add("codebook", codebook);
                return list;
            }
        };
        Prior prior = context -> {
            throw new UnsupportedOperationException();
        };
        Decoder decoder = (z, context) -> {
            throw new UnsupportedOperationException();
        };
        Objective objective = new Objective() {
            @Override
            public Set<EncoderKind> acceptedEncoders() {
                return Set.of(EncoderKind.POINT_MASS);
            }

            @Override
            public ObjectiveValue evaluate(NDArray x, GenerativeModel model, StepContext context) {
                throw new UnsupportedOperationException();
            }
        };
        return AssembledModel.of(new GenerativeModel(encoder, prior, decoder), objective, manager.newSubManager());
    }

    private static EpochRecord usingCodes(double used) {
        return new EpochRecord(1, 10, 1.0, Map.of("loss", 1.0), Map.of("loss", 1.0, "codes-used", used));
    }

    @Test
    void underATenthOfTheCodesInUseIsACollapse() {
        try (NDManager manager = NDManager.newBaseManager()) {
            AssembledModel model = withCodebook(manager, 512);
            Optional<String> warning = CodebookUsage.warning(model, usingCodes(5));
            assertThat(warning)
                    .hasValueSatisfying(w -> assertThat(w)
                            .startsWith("the codebook has collapsed: the test split uses 5 of its 512 codes"));
            assertThat(CodebookUsage.warning(model, usingCodes(50.5)))
                    .hasValueSatisfying(w -> assertThat(w).contains("uses 50.5 of its 512 codes"));
            assertThat(CodebookUsage.warning(model, usingCodes(52))).isEmpty();
        }
    }

    @Test
    void aModelWithoutACodeCountOrACodebookIsNeverWarnedAbout() {
        try (NDManager manager = NDManager.newBaseManager()) {
            AssembledModel model = withCodebook(manager, 512);
            EpochRecord noCount = new EpochRecord(1, 10, 1.0, Map.of("loss", 1.0), Map.of("loss", 1.0));
            assertThat(CodebookUsage.warning(model, noCount)).isEmpty();
            assertThat(CodebookUsage.warning(model, null)).isEmpty();
        }
    }
}
