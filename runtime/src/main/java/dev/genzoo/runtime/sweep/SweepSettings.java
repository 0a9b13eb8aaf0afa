package dev.genzoo.runtime.sweep;

import dev.genzoo.runtime.config.Setting;
import java.util.List;

/**
 * The settings of a sweep's launcher, declared once like the runtime's (see {@link
 * dev.genzoo.runtime.config.Settings}): the {@code sweep} and {@code slurm} sections of a spec and
 * the options of {@code genzoo sweep}. They shape where trials run, never what a trial computes.
 */
public final class SweepSettings {
    /** The word of a Slurm setting left to the cluster's default. */
    public static final String CLUSTER_DEFAULT = "default";

    /** Where trials run. */
    public static final Setting<String> LAUNCHER = Setting.choice(
            "sweep",
            "launcher",
            "--launcher",
            "local",
            "Where trials run: local (processes on this machine) or slurm (one sbatch job array)",
            "local",
            "slurm");

    /** Trials at a time. */
    public static final Setting<Integer> WORKERS = Setting.integer(
                    "sweep",
                    "workers",
                    "--workers",
                    1,
                    "Trials run at once (local: this machine's cores are divided among them; slurm: how many"
                            + " array tasks run at once)")
            .atLeast(1);

    /** The partition. */
    public static final Setting<String> PARTITION = Setting.text(
            "slurm",
            "partition",
            "--partition",
            "NAME",
            CLUSTER_DEFAULT,
            "Slurm partition of the job array ('default': the cluster's default partition)");

    /** Wall-clock limit per task. */
    public static final Setting<String> TIME = Setting.text(
            "slurm", "time", "--time", "TIME", "1:00:00", "Slurm time limit per trial, as sbatch --time takes it");

    /** Memory per task. */
    public static final Setting<String> MEMORY =
            Setting.text("slurm", "mem", "--mem", "SIZE", "4G", "Slurm memory per trial, as sbatch --mem takes it");

    /** CPUs per task, which are also the trial's engine threads. */
    public static final Setting<Integer> CPUS = Setting.integer(
                    "slurm", "cpus-per-task", "--cpus-per-task", 2, "CPUs per trial (and its engine's threads)")
            .atLeast(1);

    /** GPUs per task. */
    public static final Setting<Integer> GPUS = Setting.integer(
                    "slurm", "gpus-per-task", "--gpus-per-task", 0, "GPUs per trial (0: none)")
            .atLeast(0);

    /** Every launcher setting, in the order of the help text. */
    public static final List<Setting<?>> ALL = List.of(LAUNCHER, WORKERS, PARTITION, TIME, MEMORY, CPUS, GPUS);

    private SweepSettings() {}
}
