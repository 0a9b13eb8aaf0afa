package dev.genzoo.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Bad usage: one line naming the problem and where to find help, exit code 2. */
final class UsageReport implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        err.println("genzoo: error: " + message);
        err.println("(see '" + line.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }
}
