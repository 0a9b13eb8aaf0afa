package dev.genzoo.runtime.data;

import ai.djl.ndarray.NDManager;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One epoch's training batches in the order of a permutation: while the model steps on one batch, a
 * background thread gathers the next on the host (two host buffers, taken in turn); the training
 * thread then moves it to the device and prepares it there. Only host memory is touched off the
 * training thread: arrays and random draws stay on it, so a seeded run draws the same numbers as
 * ever. Close it to wait for the background gathering to stop.
 */
public final class TrainingBatches implements AutoCloseable {
    private final DeviceData data;
    private final ExecutorService background;
    private final HostBatch[] buffers;
    private final long[] order;
    private final int batchSize;
    private int nextFrom;
    private int turn;
    private Future<HostBatch> pending;

    TrainingBatches(
            DeviceData data, ExecutorService background, HostBatch[] buffers, long[] order, int batchSize, int first) {
        this.data = data;
        this.background = background;
        this.buffers = buffers;
        this.order = order;
        this.batchSize = batchSize;
        this.nextFrom = first;
        this.pending = gatherNext();
    }

    private Future<HostBatch> gatherNext() {
        if (nextFrom >= order.length) {
            return null;
        }
        int from = nextFrom;
        int to = Math.min(order.length, from + batchSize);
        HostBatch buffer = buffers[turn];
        turn = 1 - turn;
        nextFrom = to;
        return background.submit(() -> buffer.gather(data.trainSplit(), order, from, to));
    }

    /**
     * Whether a batch is left.
     *
     * @return true until every example of the epoch was handed out
     */
    public boolean hasNext() {
        return pending != null;
    }

    /**
     * The next batch on the device, prepared; the batch after it starts gathering at once.
     *
     * @param manager the step's manager (the arrays live in the caller's scope)
     * @return the batch
     * @throws NoSuchElementException after the last batch
     */
    public Batch next(NDManager manager) {
        if (pending == null) {
            throw new NoSuchElementException("the epoch's batches are all taken");
        }
        long started = System.nanoTime();
        HostBatch host = await(pending);
        pending = gatherNext();
        Batch batch = data.toDevice(host, manager);
        data.addInputTime(System.nanoTime() - started);
        return batch;
    }

    private static HostBatch await(Future<HostBatch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the next batch was gathered", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("gathering a batch failed", e.getCause());
        }
    }

    /** Waits until no gathering is running, so that the host buffers are free. */
    @Override
    public void close() {
        if (pending != null) {
            try {
                pending.get();
            } catch (ExecutionException | CancellationException e) {
                // the epoch ended early; the gathered batch is not wanted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pending = null;
        }
    }
}
