package dev.genzoo.runtime.pictures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.image.ImageGrid;
import dev.genzoo.runtime.image.PointFigure;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The pictures of a latent space: rows of decoded codes (an interpolation strip, a traversal with
 * one row per latent dimension) for images, and for 2-D points the decoded codes as a path over
 * the test points.
 */
public final class LatentPictures {
    private static final int SCATTER_SIZE = 480;

    private LatentPictures() {}

    /**
     * Writes decoded codes as rows of images, or for 2-D points as one scatter over the data.
     *
     * @param file the PNG
     * @param header the words above the picture
     * @param example one example's shape
     * @param values rows * columns examples, row after row
     * @param columns examples per row
     * @param captions the columns' captions
     * @param reference the test split, drawn under 2-D points
     */
    public static void rows(
            Path file,
            String header,
            Shape example,
            float[] values,
            int columns,
            List<String> captions,
            NDArray reference) {
        int count = (int) (values.length / example.size());
        if (example.dimension() == 3 && (example.get(0) == 1 || example.get(0) == 3)) {
            float[] shown = values.clone();
            for (int i = 0; i < shown.length; i++) {
                shown[i] = Math.max(0f, Math.min(1f, shown[i]));
            }
            ImageGrid.write(
                    file,
                    shown,
                    count,
                    (int) example.get(0),
                    (int) example.get(1),
                    (int) example.get(2),
                    columns,
                    new ImageGrid.Labels(header, captions, true));
        } else if (example.dimension() == 1 && example.get(0) == 2) {
            float[] data = Pictures.firstPoints(reference);
            float[] both = Arrays.copyOf(data, data.length + values.length);
            System.arraycopy(values, 0, both, data.length, values.length);
            PointFigure.scatter(
                    file,
                    String.format(Locale.ROOT, "%s (%d decoded points over the test points)", header, count),
                    List.of(new PointFigure.Points("test points", data), new PointFigure.Points("decoded", values)),
                    Pictures.bounds(both),
                    SCATTER_SIZE);
        } else {
            throw new GenzooException("examples of shape " + example + " cannot be drawn as a picture; write"
                    + " them as NumPy with -o FILE.npy");
        }
    }
}
