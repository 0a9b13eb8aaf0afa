package dev.genzoo.runtime.data;

import dev.genzoo.api.GenzooException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A directory laid out as the MNIST distribution (LeCun et al. 1998) and Fashion-MNIST are: train
 * and t10k image files in IDX format, label files optional, each raw or gzipped.
 */
final class IdxDirectory {
    /** The training images, required. */
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";

    /** The test images, required. */
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";

    /** The training labels, optional. */
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";

    /** The test labels, optional. */
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private IdxDirectory() {}

    /**
     * Training examples from the train files, held-out ones from the t10k files.
     *
     * @param directory the directory holding the files
     * @param name the name both data sets get
     * @return the split, with labels where label files are present
     * @throws GenzooException if an image file is missing, a file is damaged, the label and image
     *     counts differ, or train and test images differ in size
     */
    static DataSplit load(Path directory, String name) {
        List<String> missing = new ArrayList<>();
        Optional<Path> trainImages = find(directory, TRAIN_IMAGES);
        Optional<Path> testImages = find(directory, TEST_IMAGES);
        trainImages.ifPresentOrElse(p -> {}, () -> missing.add(TRAIN_IMAGES));
        testImages.ifPresentOrElse(p -> {}, () -> missing.add(TEST_IMAGES));
        if (!missing.isEmpty()) {
            throw new GenzooException("the directory " + directory + " holds no " + String.join(" and no ", missing)
                    + " (raw, or gzipped with a .gz suffix), which an MNIST-style data"
                    + " directory needs");
        }
        Dataset train = labelled(trainImages.get(), find(directory, TRAIN_LABELS), name);
        Dataset test = labelled(testImages.get(), find(directory, TEST_LABELS), name);
        if (!train.exampleShape().equals(test.exampleShape())) {
            throw new GenzooException("the images in " + trainImages.get() + " are " + train.exampleShape()
                    + " but those in " + testImages.get() + " are " + test.exampleShape()
                    + "; train and test images must be the same size");
        }
        return new DataSplit(train, test);
    }

    /**
     * Whether a directory is laid out as MNIST's: it holds a train or t10k image file.
     *
     * @param directory the directory
     * @return true if {@link #load} should read it
     */
    static boolean holdsIdx(Path directory) {
        return find(directory, TRAIN_IMAGES).isPresent()
                || find(directory, TEST_IMAGES).isPresent();
    }

    private static Optional<Path> find(Path directory, String fileName) {
        for (String candidate : List.of(fileName, fileName + ".gz")) {
            Path file = directory.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static Dataset labelled(Path imageFile, Optional<Path> labelFile, String name) {
        Dataset images = IdxFile.readImages(imageFile, name);
        if (labelFile.isEmpty()) {
            return images;
        }
        int[] labels = IdxFile.readLabels(labelFile.get());
        if (labels.length != images.size()) {
            throw new GenzooException(labelFile.get() + " holds " + labels.length + " labels but " + imageFile
                    + " holds " + images.size() + " images; they must be one label per"
                    + " image");
        }
        return images.withLabels(labels);
    }
}
