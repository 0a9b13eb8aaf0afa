package dev.genzoo.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genzoo.api.GenzooException;
import dev.genzoo.plugins.vae.VaePlugin;
import dev.genzoo.runtime.config.ConfigDraft;
import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.plugin.PluginCatalog;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genzoo posterior} on a VAE with a 2-D latent trained briefly on the digits: both samplers
 * reach their target acceptance, write [chains, steps, latent] as .npy and the picture of the
 * posterior beside it, agree with each other on the posterior's mean, and refuse what they cannot do.
 */
final class PosteriorSamplingTest {
    private static final GenzooRuntime RUNTIME = GenzooRuntime.create(PluginCatalog.of(new VaePlugin()));

    @TempDir
    static Path dir;

    private static Path run;

    @BeforeAll
    static void train() {
        ConfigDraft draft = new ConfigDraft();
        draft.options.put("hidden", "32");
        draft.options.put("latent", "2");
        draft.set(Settings.EPOCHS, 2);
        run = dir.resolve("run");
        RUNTIME.train(RUNTIME.resolve(draft), run);
    }

    @Test
    void bothSamplersWriteTheirChainsAndAgree() throws IOException {
        List<Integer> progress = new ArrayList<>();
        PosteriorOutcome hmc =
                RUNTIME.samplePosterior(run, new PosteriorRequest(3, "hmc", 400, 200, 4, 5, 1, null, progress::add));
        PosteriorOutcome mh = RUNTIME.samplePosterior(
                run, new PosteriorRequest(3, "mh", 3000, 1000, 4, 1, 2, dir.resolve("mh.npy"), null));
        assertThat(progress).hasSize(600).endsWith(600);
        assertThat(hmc.samples()).isEqualTo(run.resolve("posterior-3-hmc.npy"));
        assertThat(mh.samples()).isEqualTo(dir.resolve("mh.npy"));
        assertThat(hmc.acceptanceRate()).isBetween(0.5, 0.8);
        assertThat(mh.acceptanceRate()).isBetween(0.15, 0.35);

        byte[] bytes = Files.readAllBytes(hmc.samples());
        int header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(8);
        assertThat(new String(bytes, 10, header)).contains("'shape': (4, 400, 2,)");
        assertThat(bytes).hasSize(10 + header + 4 * 4 * 400 * 2);

        BufferedImage picture = ImageIO.read(run.resolve("posterior-3-hmc.png").toFile());
        assertThat(picture.getWidth()).isEqualTo(480);
        assertThat(dir.resolve("mh.png")).isRegularFile();

        for (int u = 0; u < 2; u++) {
            assertThat(hmc.rhats().get(u)).isLessThan(1.1);
            assertThat(hmc.effectiveSampleSizes().get(u)).isGreaterThan(100);
            double tolerance = 4
                    * hmc.standardDeviation().get(u)
                    * Math.sqrt(1 / hmc.effectiveSampleSizes().get(u)
                            + 1 / mh.effectiveSampleSizes().get(u));
            assertThat(mh.mean().get(u))
                    .isCloseTo(hmc.mean().get(u), org.assertj.core.api.Assertions.within(tolerance));
        }
    }

    @Test
    void whatCannotBeSampledIsOneSentence() {
        assertThatThrownBy(() -> new PosteriorRequest(0, "gibbs", 10, 0, 1, 1, 0, null, null))
                .isInstanceOf(GenzooException.class)
                .hasMessage("--sampler is mh or hmc, not 'gibbs'");
        assertThatThrownBy(() ->
                        RUNTIME.samplePosterior(run, new PosteriorRequest(100_000, "mh", 10, 0, 1, 1, 0, null, null)))
                .isInstanceOf(GenzooException.class)
                .hasMessageStartingWith("--example 100000 is past the test split's ");
    }
}
