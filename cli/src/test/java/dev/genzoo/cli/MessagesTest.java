package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages that lead to the fix: one line each, exit code 2 when the command line cannot be read
 * and 1 for everything else, nothing printed or written before the refusal.
 */
final class MessagesTest {

    @Test
    void anOptionOfAnotherComponentNamesThatComponent(@TempDir Path dir) {
        Console.Run run = Console.run(
                "train", "-P", "k=5", "--run-dir", dir.resolve("run").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.onlyError())
                .contains("option 'k' is declared by objective 'iwae', which is not chosen")
                .endsWith("; choose it to set it: --objective iwae")
                .doesNotContain("did you mean 'kl'");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void anOptionUnknownToItsRoleListsThatRolesOptions() {
        Console.Run run = Console.run("train", "-P", "decoder.foo=1");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.onlyError())
                .isEqualTo("genzoo: error: unknown option 'foo' for decoder 'mlp-bernoulli' (its options: hidden,"
                        + " activation)");
    }

    @Test
    void anUnknownRoleInAConfigSaysWhichRoleWasMeant(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "options:\n  decodr:\n    hidden: 200\n");
        Console.Run run = Console.run("train", "--config", config.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.onlyError())
                .isEqualTo("genzoo: error: config file " + config + ": options.decodr holds options, but 'decodr' is"
                        + " no role (roles: encoder, prior, decoder, objective); did you mean 'decoder'?");
    }

    @Test
    void aKeyValueWithoutItsEqualsSignIsOneLineAboutDashP() {
        Console.Run run = Console.run("train", "-P", "latent", "5");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.onlyError())
                .isEqualTo("genzoo: error: -P takes KEY=VALUE, one word with '=' and no spaces (such as -P latent=5),"
                        + " but got 'latent' (see 'genzoo train --help')")
                .doesNotContain("option option");
    }

    @Test
    void aDataSetNamedWithoutItsOptionSuggestsDashDashData() {
        Console.Run run = Console.run("train", "moons");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.onlyError())
                .isEqualTo("genzoo: error: unexpected word 'moons'; did you mean --data moons? (see 'genzoo train"
                        + " --help')");
    }

    @Test
    void everyParseErrorIsOneLineWithExitCodeTwo() {
        for (String[] args : new String[][] {
            {"train", "--epochs", "ten"}, {"train", "--epocs", "3"}, {"sample"}, {"eval", "run", "--k", "x"}
        }) {
            Console.Run run = Console.run(args);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.onlyError()).as(String.join(" ", args)).endsWith("--help')");
        }
    }

    @Test
    void aValueThatReadsButIsRefusedIsOneLineWithExitCodeOne() {
        Console.Run run = Console.run("train", "--binarize", "yes");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.onlyError())
                .isEqualTo("genzoo: error: --binarize must be one of auto, none, static, dynamic," + " got yes");
    }
}
