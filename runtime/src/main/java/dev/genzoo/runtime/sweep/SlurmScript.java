package dev.genzoo.runtime.sweep;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.config.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The batch script of a sweep's Slurm job array: one task per trial, {@code --requeue}, the
 * settings of {@link SweepSettings} and any extra {@code #SBATCH} lines. A task decides when it
 * starts whether to resume its trial (a checkpoint is there: it was preempted and requeued) or to
 * train it afresh; it waits for genzoo, which answers Slurm's SIGTERM with a checkpoint, and
 * records the exit code in {@code status/<trial>.exit}.
 */
final class SlurmScript {
    private SlurmScript() {}

    /** An extra line, checked: it must be an {@code #SBATCH} directive. */
    static String sbatchLine(String line) {
        String text = line.strip();
        if (!text.startsWith("#SBATCH ") || text.contains("\n")) {
            throw new GenzooException(
                    "an extra Slurm line must be one '#SBATCH --option' directive, got '" + line + "'");
        }
        return text;
    }

    /** Quotes a word for bash. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static String write(
            Path sweep,
            List<Trial> trials,
            Map<Setting<?>, Object> settings,
            List<String> extra,
            TrialProgram program) {
        int cpus = (Integer) settings.get(SweepSettings.CPUS);
        int gpus = (Integer) settings.get(SweepSettings.GPUS);
        int workers = (Integer) settings.get(SweepSettings.WORKERS);
        String partition = (String) settings.get(SweepSettings.PARTITION);
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("#SBATCH --job-name=genzoo-sweep\n");
        s.append("#SBATCH --array=0-")
                .append(trials.size() - 1)
                .append('%')
                .append(workers)
                .append('\n');
        s.append("#SBATCH --requeue\n");
        s.append("#SBATCH --open-mode=append\n");
        s.append("#SBATCH --output=")
                .append(sweep.resolve("logs").toAbsolutePath())
                .append("/slurm-%A_%a.log\n");
        s.append("#SBATCH --time=").append(settings.get(SweepSettings.TIME)).append('\n');
        s.append("#SBATCH --mem=").append(settings.get(SweepSettings.MEMORY)).append('\n');
        s.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        if (gpus > 0) {
            s.append("#SBATCH --gpus-per-task=").append(gpus).append('\n');
        }
        if (!SweepSettings.CLUSTER_DEFAULT.equals(partition)) {
            s.append("#SBATCH --partition=").append(partition).append('\n');
        }
        extra.forEach(line -> s.append(line).append('\n'));
        StringJoiner names = new StringJoiner(" ", "trials=(", ")\n");
        trials.forEach(t -> names.add(quote(t.name())));
        s.append("set -u\n");
        s.append("sweep=").append(quote(sweep.toAbsolutePath().toString())).append('\n');
        s.append(names);
        s.append("name=${trials[$SLURM_ARRAY_TASK_ID]}\n");
        s.append("run=\"$sweep/$name\"\n");
        s.append("if [ -f \"$run/checkpoint.zip\" ]; then\n");
        s.append("  set -- train --resume \"$run\"\n");
        s.append("else\n");
        s.append("  rm -rf \"$run\"\n");
        s.append("  set -- train --config \"$sweep/configs/$name.yaml\" --run-dir \"$run\"\n");
        s.append("fi\n");
        s.append("export GENZOO_PROGRESS=plain OMP_NUM_THREADS=").append(cpus).append('\n');
        s.append(
                "echo \"genzoo sweep: task $SLURM_ARRAY_TASK_ID ($name) on $(hostname): genzoo $*\" >> \"$sweep/logs/$name.log\"\n");
        StringJoiner command = new StringJoiner(" ");
        program.command(cpus, List.of()).forEach(word -> command.add(quote(word)));
        s.append(command).append(" \"$@\" >> \"$sweep/logs/$name.log\" 2>&1 &\n");
        s.append("child=$!\n");
        // Slurm signals every process of a task it preempts; the trap only keeps this shell waiting
        s.append("trap 'kill -TERM $child 2>/dev/null' TERM\n");
        s.append("wait $child\ncode=$?\n");
        s.append("while kill -0 $child 2>/dev/null; do wait $child; code=$?; done\n");
        s.append("mkdir -p \"$sweep/status\"\n");
        s.append("echo $code > \"$sweep/status/$name.exit\"\n");
        s.append("exit $code\n");
        return s.toString();
    }
}
