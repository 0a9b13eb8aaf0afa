package dev.genzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genzoo.runtime.config.Setting;
import dev.genzoo.runtime.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The settings' options come from their declarations: every declared setting is an option of
 * {@code train} with its default in the help, the training settings are options of {@code
 * train-prior} defaulting to the run's, and {@code --resume} names what may not be given with it.
 */
final class SettingsMixinTest {

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine line = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String oneLine(String help) {
        return help.replaceAll("\\s+", " ");
    }

    @Test
    void trainTakesEverySettingWithItsDeclaredDefault() {
        String help = oneLine(run("train", "--help").out());
        for (Setting<?> setting : Settings.ALL) {
            assertThat(help)
                    .contains(setting.flag() + "=" + setting.label())
                    .contains("(default: " + setting.text(setting.defaultValue()) + ")");
        }
    }

    @Test
    void trainPriorTakesTheTrainingSettingsDefaultingToTheRuns() {
        String help = oneLine(run("train-prior", "--help").out());
        for (Setting<?> setting : Settings.inSection("training")) {
            assertThat(help).contains(setting.flag() + "=" + setting.label());
        }
        assertThat(help)
                .contains("(default: the run's)")
                .doesNotContain("--data=")
                .doesNotContain("--device=");
    }

    @Test
    void resumeRefusesWhatItMayNotChangeBeforeAnyWork() {
        Run run = run("train", "--resume", "/nowhere", "--lr", "0.01", "--seed", "3");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err())
                .contains("only --epochs, --checkpoint-steps, --checkpoint-minutes, --keep-best, --tensorboard,"
                        + " --tensorboard-steps, --tensorboard-images may be given with it")
                .contains("--lr")
                .contains("--seed")
                .doesNotContain("no run directory");
        Run prior = run("train-prior", "/nowhere", "--resume", "--batch-size", "8");
        assertThat(prior.code()).isEqualTo(1);
        assertThat(prior.err())
                .contains(
                        "only --epochs, --checkpoint-steps, --checkpoint-minutes, --keep-best may be given with it, not"
                                + " --batch-size");
    }

    @Test
    void aValueOfTheWrongTypeIsBadUsageAndOneOutOfBoundsIsRefused() {
        Run type = run("train", "--epochs", "ten");
        assertThat(type.code()).isEqualTo(2);
        assertThat(type.err()).contains("--epochs").contains("must be an integer, got 'ten'");
        Run bound = run("train", "--batch-size", "0", "--run-dir", "/nowhere/run");
        assertThat(bound.code()).isEqualTo(1);
        assertThat(bound.err()).contains("--batch-size must be at least 1, got 0");
    }
}
