package dev.genzoo.cli;

import dev.genzoo.runtime.config.Settings;
import dev.genzoo.runtime.data.DataSources;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad usage, a command line that cannot be read: one line naming the problem, what was probably
 * meant, and where to find help; exit code 2. (A command line that reads but asks for something
 * genzoo refuses is an error, exit code 1: see {@link ErrorReport}.)
 */
final class UsageReport implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("genzoo: error: " + message(e) + " (see '"
                + line.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The sentence for a parse error: picocli's, or ours where we know better what was meant. */
    static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched);
        }
        ArgSpec spec = e.getArgSpec();
        if (spec instanceof OptionSpec option && Map.class.isAssignableFrom(option.type())) {
            String name = option.shortestName();
            String given = e.getValue() == null ? "" : e.getValue();
            return String.format(
                    "%s takes KEY=VALUE, one word with '=' and no spaces (such as %s latent=5), but got '%s'",
                    name, name, given);
        }
        return e.getMessage();
    }

    private static String unmatched(UnmatchedArgumentException e) {
        List<String> words = e.getUnmatched();
        String message = e.getMessage();
        if (!words.isEmpty() && !words.get(0).startsWith("-")) {
            String word = words.get(0);
            message = "unexpected word '" + word + "'";
            boolean takesData = e.getCommandLine().getCommandSpec().findOption(Settings.DATA.flag()) != null;
            if (takesData && isDataSource(word)) {
                return message + "; did you mean " + Settings.DATA.flag() + " " + word + "?";
            }
        }
        if (!e.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", e.getSuggestions()) + "?";
        }
        return message;
    }

    private static boolean isDataSource(String word) {
        if (DataSources.builtIn().contains(word)) {
            return true;
        }
        try {
            return Files.exists(Path.of(word));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
