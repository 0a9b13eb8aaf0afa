package dev.genzoo.cli;

import dev.genzoo.runtime.sweep.Leaderboard;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genzoo compare}: a leaderboard of runs, as Markdown and CSV, and their test-loss curves. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "A leaderboard of runs: components, the options that differ, the test bound, the NLL (where eval.json"
                    + " exists), parameters and time, best bound first; printed as Markdown and written as"
                    + " leaderboard.md, leaderboard.csv and curves.png."
        })
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "DIR",
            description = "Run directories, or folders of them (a sweep's directory).")
    List<Path> paths;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Where the files go (default: the folder given, if one folder of runs; else compare/).")
    Path out;

    @Override
    public Integer call() {
        Leaderboard board = Leaderboard.of(paths);
        Path dir = out;
        if (dir == null) {
            boolean oneFolder =
                    paths.size() == 1 && !Files.isRegularFile(paths.get(0).resolve("config.yaml"));
            dir = oneFolder ? paths.get(0) : Path.of("compare");
        }
        List<Path> files = board.write(dir);
        PrintWriter writer = spec.commandLine().getOut();
        writer.print(board.markdown());
        writer.println("written: " + files.get(0) + ", " + files.get(1) + ", " + files.get(2));
        writer.flush();
        return 0;
    }
}
