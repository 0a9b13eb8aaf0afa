package dev.genzoo.cli;

import dev.genzoo.api.GenzooException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception into one line on stderr and an exit code: 1 for an error the user can fix, 70
 * for a genzoo bug. The stack trace is shown only with {@code --verbose}.
 */
final class ErrorReport implements IExecutionExceptionHandler {
    /** Exit code of an error the user can fix. */
    static final int USER_ERROR = 1;
    /** Exit code of an internal error (EX_SOFTWARE of sysexits.h). */
    static final int INTERNAL_ERROR = 70;

    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        PrintWriter err = line.getErr();
        boolean verbose = parsed.hasMatchedOption("--verbose") || verbose(parsed);
        int code;
        if (e instanceof GenzooException) {
            err.println("genzoo: error: " + e.getMessage());
            code = USER_ERROR;
        } else {
            err.println("genzoo: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            code = INTERNAL_ERROR;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
