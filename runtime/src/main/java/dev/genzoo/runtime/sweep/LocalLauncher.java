package dev.genzoo.runtime.sweep;

import dev.genzoo.api.GenzooException;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Trials as processes on this machine, N at a time; the machine's cores are divided among them
 * (each process's engine gets cores / N threads, at least one), so that they do not fight over them.
 * When the sweep's own process is stopped (SIGTERM, SIGINT), its running trials are sent SIGTERM
 * and waited for, so each saves a checkpoint that a re-run resumes.
 */
public final class LocalLauncher implements Launcher {
    private final int workers;
    private final int threads;
    private final TrialProgram program;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * A launcher.
     *
     * @param workers trials at once
     * @param cores the cores to divide among them
     * @param program how to start genzoo
     */
    public LocalLauncher(int workers, int cores, TrialProgram program) {
        this.workers = workers;
        this.threads = Math.max(1, cores / workers);
        this.program = program;
    }

    /** @return the engine threads each trial gets */
    public int threads() {
        return threads;
    }

    @Override
    public List<TrialOutcome> run(List<TrialLaunch> launches, SweepListener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "genzoo-sweep-worker");
            thread.setDaemon(true);
            return thread;
        });
        Thread stopTrials = new Thread(this::stopRunning, "genzoo-sweep-stop");
        Runtime.getRuntime().addShutdownHook(stopTrials);
        try {
            List<Future<TrialOutcome>> futures = new ArrayList<>();
            for (TrialLaunch launch : launches) {
                futures.add(pool.submit(() -> runOne(launch, listener)));
            }
            List<TrialOutcome> outcomes = new ArrayList<>();
            for (Future<TrialOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenzooException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(stopTrials);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the trials
            }
        }
    }

    /** Sends SIGTERM to every running trial and waits for each to save its checkpoint and end. */
    private void stopRunning() {
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private TrialOutcome runOne(TrialLaunch launch, SweepListener listener) throws InterruptedException {
        synchronized (listener) {
            listener.started(launch);
        }
        long start = System.nanoTime();
        int code;
        Process process = null;
        try {
            java.nio.file.Files.createDirectories(launch.log().getParent());
            ProcessBuilder builder = new ProcessBuilder(program.command(threads, launch.arguments()))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(launch.log().toFile()));
            builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            builder.environment().put("GENZOO_PROGRESS", "plain");
            process = builder.start();
            running.add(process);
            code = process.waitFor();
            running.remove(process);
        } catch (IOException e) {
            code = -1;
        } catch (InterruptedException e) {
            // the sweep is being stopped: stop the trial the way a scheduler would, so it saves a checkpoint
            process.destroy();
            process.waitFor();
            throw e;
        }
        TrialOutcome outcome = new TrialOutcome(launch, code, (System.nanoTime() - start) / 1e9);
        synchronized (listener) {
            listener.finished(outcome);
        }
        return outcome;
    }
}
