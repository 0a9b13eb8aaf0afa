package dev.genzoo.plugins.vqvae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParameterList;
import org.junit.jupiter.api.Test;

/**
 * Restarts of dead codes: a code unused for {@code after} consecutive training steps moves to one
 * of the batch's encoder outputs and its idle count starts again, while used codes stay where
 * they are; with moving averages, the restarted code's cluster size becomes 1 and its sum its new
 * vector.
 */
final class DeadCodeRestartsTest {
    private static final float[] START = {0f, 0f, 10f, 10f, 20f, 20f, -30f, 5f};
    private static final float[] ROWS = {0.1f, 0.2f, 0.3f, -0.1f, 9.5f, 10.5f};
    private static final long[] CODES = {0, 0, 1};

    @Test
    void aCodeIdleForLongEnoughMovesToAnEncoderOutput() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray book = manager.create(START, new Shape(4, 2));
            DeadCodeRestarts restarts = DeadCodeRestarts.create(manager, 4, 2);
            NDArray rows = manager.create(ROWS, new Shape(3, 2));
            NDArray codes = manager.create(CODES);

            restarts.update(rows, codes, book, null);
            assertThat(idle(restarts)).containsExactly(0f, 0f, 1f, 1f);
            assertThat(book.toFloatArray()).containsExactly(START);

            restarts.update(rows, codes, book, null);
            assertThat(idle(restarts)).containsExactly(0f, 0f, 0f, 0f);
            float[] after = book.toFloatArray();
            assertThat(new float[] {after[0], after[1], after[2], after[3]}).containsExactly(0f, 0f, 10f, 10f);
            for (int k = 2; k < 4; k++) {
                assertThat(isRow(after[2 * k], after[2 * k + 1]))
                        .as("code %d restarted at an encoder output: (%f, %f)", k, after[2 * k], after[2 * k + 1])
                        .isTrue();
            }
        }
    }

    @Test
    void movingAveragesOfARestartedCodeStartAfresh() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray book = manager.create(START, new Shape(4, 2));
            CodebookEma ema = CodebookEma.create(manager, book, 0.5f);
            DeadCodeRestarts restarts = DeadCodeRestarts.create(manager, 4, 1);
            NDArray rows = manager.create(ROWS, new Shape(3, 2));
            restarts.update(rows, manager.create(CODES), book, ema);
            ParameterList state = new ParameterList();
            ema.addTo(state);
            float[] size = state.get("codebook_cluster_size").getArray().toFloatArray();
            float[] sums = state.get("codebook_sums").getArray().toFloatArray();
            float[] after = book.toFloatArray();
            assertThat(size).containsExactly(new float[] {1f, 1f, 1f, 1f}, within(0f));
            for (int k = 2; k < 4; k++) {
                assertThat(sums[2 * k]).isEqualTo(after[2 * k]);
                assertThat(sums[2 * k + 1]).isEqualTo(after[2 * k + 1]);
                assertThat(isRow(after[2 * k], after[2 * k + 1])).isTrue();
            }
            assertThat(new float[] {sums[0], sums[1], sums[2], sums[3]}).containsExactly(0f, 0f, 10f, 10f);
        }
    }

    private static boolean isRow(float x, float y) {
        for (int i = 0; i < ROWS.length; i += 2) {
            if (ROWS[i] == x && ROWS[i + 1] == y) {
                return true;
            }
        }
        return false;
    }

    private static float[] idle(DeadCodeRestarts restarts) {
        ParameterList list = new ParameterList();
        restarts.addTo(list);
        return list.get("codebook_idle_steps").getArray().toFloatArray();
    }
}
