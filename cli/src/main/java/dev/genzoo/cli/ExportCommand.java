package dev.genzoo.cli;

import dev.genzoo.runtime.controls.WeightAverage;
import dev.genzoo.runtime.export.ParameterExport;
import dev.genzoo.runtime.run.RunDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genzoo export}: a run's parameters as safetensors or npz, for PyTorch and NumPy. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a run's parameters as safetensors (Hugging Face) or npz (NumPy), with a header naming the"
                    + " components, their options and the run (the moving average of the weights where the run"
                    + " kept one, as sample and eval use)."
        })
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory with a checkpoint.")
    Path runDir;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "safetensors",
            description = "safetensors or npz (default ${DEFAULT-VALUE}).")
    ParameterExport.Format format;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "The file to write (default RUN_DIR/parameters.safetensors or .npz).")
    Path out;

    @Override
    public Integer call() {
        RunDirectory run = RunDirectory.existing(runDir);
        String extension = format == ParameterExport.Format.SAFETENSORS ? "safetensors" : "npz";
        Path target = out != null ? out : runDir.resolve("parameters." + extension);
        int tensors = ParameterExport.write(run.checkpoint(), runDir, format, target, WeightAverage.STATE);
        spec.commandLine().getOut().printf("%s: %d tensors%n", target, tensors);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
