package dev.genzoo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Runs the command line in this JVM, with every bundled plugin, and keeps what it printed. */
final class Console {
    private Console() {}

    /** What a finished command printed and returned. */
    record Run(int code, String out, String err) {
        /** The lines of stderr that are errors. */
        List<String> errors() {
            return err.lines().filter(l -> l.startsWith("genzoo: error: ")).toList();
        }

        /** The one error line, checked to be the only line of stderr. */
        String onlyError() {
            List<String> lines = err.lines().toList();
            if (lines.size() != 1 || !lines.get(0).startsWith("genzoo: error: ")) {
                throw new AssertionError("expected one error line, got:\n" + err);
            }
            return lines.get(0);
        }
    }

    static Run run(String... args) {
        CommandLine line = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
