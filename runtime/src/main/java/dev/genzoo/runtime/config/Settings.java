package dev.genzoo.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every runtime setting, each declared once: the data, the training and its controls, TensorBoard
 * and the device. A new setting
 * is one more constant here (and {@link #ALL}), read where it is used with {@code
 * config.get(Settings.NAME)}; its config key, command-line option, help and resume rule follow.
 */
public final class Settings {
    /** The data set: a bundled name or a path. */
    public static final Setting<String> DATA = Setting.text(
            "data",
            "source",
            "--data",
            "SOURCE",
            "digits",
            "The data: digits, moons, eight-gaussians, checkerboard, or a path: a folder of images (flat, one"
                    + " sub-folder per class, or train/ and test/), a folder or file of IDX images, a .npy or .npz"
                    + " array, or a .csv table");

    /** How grey levels become 0/1. */
    public static final Setting<String> BINARIZE = Setting.choice(
            "data",
            "binarize",
            "--binarize",
            "auto",
            "How pixels become 0/1: none, static or dynamic; auto: dynamic for images unless they are dequantized,"
                    + " none otherwise",
            "auto",
            "none",
            "static",
            "dynamic");

    /** Whether discrete values become continuous. */
    public static final Setting<String> DEQUANTIZE = Setting.choice(
            "data",
            "dequantize",
            "--dequantize",
            "auto",
            "Dequantization: none, or uniform (discrete pixels k/(K-1) become (k+u)/K, u ~ U[0,1)); auto: uniform"
                    + " for images under a flow encoder or a Gaussian decoder, none otherwise",
            "auto",
            "none",
            "uniform");

    /** The side images are resized to, or 0 to keep their own size. */
    public static final Setting<Integer> IMAGE_SIZE = Setting.integer(
                    "data",
                    "image-size",
                    "--image-size",
                    0,
                    "Resize images to N x N: the shorter side scaled to N by an antialiased triangle filter, then"
                            + " the centre cut out; 0 keeps their size (all images must then be one size)")
            .atLeast(0);

    /** Grey or colour images. */
    public static final Setting<String> CHANNELS = Setting.choice(
            "data",
            "channels",
            "--channels",
            "auto",
            "Image channels: 1 (grey, by the luma of ITU-R BT.601) or 3 (RGB); auto: 1 if every image of a"
                    + " folder is grey, else 3",
            "auto",
            "1",
            "3");

    /** The colour transparent pixels are composited over. */
    public static final Setting<String> BACKGROUND = Setting.text(
                    "data",
                    "background",
                    "--background",
                    "RRGGBB",
                    "ffffff",
                    "The colour an image's transparent pixels are composited over, as hexadecimal RRGGBB")
            .check(s -> s.matches("#?[0-9a-fA-F]{6}"), "six hexadecimal digits RRGGBB");

    /** Random flips of training images. */
    public static final Setting<String> FLIP = Setting.choice(
            "data",
            "flip",
            "--flip",
            "none",
            "Flip each training image left to right with probability 1/2, afresh every batch: horizontal, or" + " none",
            "none",
            "horizontal");

    /** The fraction held out of a source that has no test split of its own. */
    public static final Setting<Double> HELD_OUT = Setting.real(
                    "data",
                    "held-out",
                    "--held-out",
                    "FRACTION",
                    0.1,
                    "The fraction of an image folder, array or table held out for testing by a fixed permutation,"
                            + " when it has no test split of its own")
            .above(0)
            .check(f -> f < 1, "less than 1");

    /** A CSV table's column of class labels. */
    public static final Setting<String> LABEL_COLUMN = Setting.text(
            "data",
            "label-column",
            "--label-column",
            "COLUMN",
            "none",
            "The column of a CSV table that holds class labels, by header name or number from 1; none: every"
                    + " column is a feature");

    /** The names of the arrays in an .npz file. */
    public static final Setting<String> ARRAYS = Setting.text(
                    "data",
                    "arrays",
                    "--arrays",
                    "X[,Y]",
                    "x,y",
                    "The names of the arrays of an .npz file: the examples', then the labels' (read if present)")
            .check(s -> s.matches("[^,\\s]+(,[^,\\s]+)?"), "one or two names separated by a comma");

    /** Where decoded image folders are kept. */
    public static final Setting<String> CACHE = Setting.text(
            "data",
            "cache",
            "--data-cache",
            "FOLDER",
            "auto",
            "The folder decoded image folders are kept in, so the next run starts in seconds; auto:"
                    + " $XDG_CACHE_HOME/genzoo or ~/.cache/genzoo; none: decode every time");

    /** What a conditional model is given beside each example (api 1.2). */
    public static final Setting<String> CONDITION = Setting.choice(
            "data",
            "condition",
            "--condition",
            "none",
            "What the model is conditioned on: none, or label (each example's class, read by the encoder, prior and"
                    + " decoder: a conditional VAE, Sohn et al. 2015); the data must have labels",
            "none",
            "label");

    /** Passes over the training split: long enough for a good ELBO on the digits, well under a minute. */
    public static final Setting<Integer> EPOCHS = Setting.integer(
                    "training", "epochs", "--epochs", 150, "Passes over the training split")
            .atLeast(1)
            .resumable();

    /** Examples per step. */
    public static final Setting<Integer> BATCH_SIZE = Setting.integer(
                    "training", "batch-size", "--batch-size", 128, "Examples per step")
            .atLeast(1);

    /** Adam's step size (Kingma and Ba 2015), its usual 1e-3 by default. */
    public static final Setting<Double> LEARNING_RATE = Setting.real(
                    "training", "learning-rate", "--lr", "RATE", 1e-3, "Adam's learning rate")
            .above(0);

    /** Adam's epsilon, added to sqrt(v): its usual 1e-8 by default; the IWAE paper trains with 1e-4. */
    public static final Setting<Double> ADAM_EPSILON = Setting.real(
                    "training", "adam-epsilon", "--adam-epsilon", "EPS", 1e-8, "Adam's epsilon, added to sqrt(v)")
            .above(0);

    /** The seed every random number of a run derives from. */
    public static final Setting<Long> SEED =
            Setting.whole("training", "seed", "--seed", 0, "Seed of every random number");

    /** How the learning rate moves over the run; constant by default, as Adam's paper trains. */
    public static final Setting<String> LR_SCHEDULE = Setting.choice(
            "training",
            "lr-schedule",
            "--lr-schedule",
            "constant",
            "How the learning rate moves after the warm-up: constant; cosine, down to 0 at the last step (Loshchilov"
                    + " and Hutter 2017); step, times --lr-decay every --lr-decay-epochs epochs",
            "constant",
            "cosine",
            "step");

    /** Steps of linear warm-up before the schedule (Goyal et al. 2017); none by default. */
    public static final Setting<Integer> WARMUP_STEPS = Setting.integer(
                    "training",
                    "warmup-steps",
                    "--warmup-steps",
                    0,
                    "Steps of linear learning-rate warm-up, from lr/N up to lr, before the schedule")
            .atLeast(0);

    /** The step schedule's period. */
    public static final Setting<Integer> LR_DECAY_EPOCHS = Setting.integer(
                    "training",
                    "lr-decay-epochs",
                    "--lr-decay-epochs",
                    50,
                    "Epochs between two decays of the step schedule")
            .atLeast(1);

    /** The step schedule's factor. */
    public static final Setting<Double> LR_DECAY = Setting.real(
                    "training",
                    "lr-decay",
                    "--lr-decay",
                    "FACTOR",
                    0.1,
                    "What the step schedule multiplies the learning rate by")
            .above(0)
            .check(v -> v <= 1, "at most 1");

    /** Clipping of the gradients by their global norm (Pascanu et al. 2013); none by default. */
    public static final Setting<Double> CLIP_NORM = Setting.real(
                    "training",
                    "clip-norm",
                    "--clip-norm",
                    "NORM",
                    0,
                    "Scale the gradients down to this global L2 norm when above it; 0: no clipping")
            .atLeast(0);

    /**
     * The decay of the moving average of the weights; none by default, except where a chosen
     * component usually trains with one (a diffusion's 0.999), which a new run's config records.
     */
    public static final Setting<Double> EMA = Setting.real(
                    "training",
                    "ema",
                    "--ema",
                    "DECAY",
                    0,
                    "Keep an exponential moving average of the weights with this decay, and evaluate and sample with"
                            + " it; 0: none (the default, but 0.999 for diffusion)")
            .atLeast(0)
            .check(v -> v < 1, "less than 1");

    /** Checkpoints inside epochs, by steps. */
    public static final Setting<Integer> CHECKPOINT_STEPS = Setting.integer(
                    "training",
                    "checkpoint-steps",
                    "--checkpoint-steps",
                    0,
                    "Also save the checkpoint every N steps, inside epochs; 0: at each epoch's end only")
            .atLeast(0)
            .resumable();

    /** Checkpoints inside epochs, by wall clock. */
    public static final Setting<Double> CHECKPOINT_MINUTES = Setting.real(
                    "training",
                    "checkpoint-minutes",
                    "--checkpoint-minutes",
                    "MIN",
                    0,
                    "Also save the checkpoint every this many minutes, inside epochs; 0: never by time")
            .atLeast(0)
            .resumable();

    /** Whether the best epoch's checkpoint is kept. */
    public static final Setting<String> KEEP_BEST = Setting.choice(
                    "training",
                    "keep-best",
                    "--keep-best",
                    "false",
                    "Keep the checkpoint of the epoch with the best test bound as best.zip: true or false",
                    "false",
                    "true")
            .resumable();

    /** Whether TensorBoard event files are written: yes, as diffusers and Lightning do. */
    public static final Setting<String> TENSORBOARD = Setting.choice(
                    "tensorboard",
                    "enabled",
                    "--tensorboard",
                    "true",
                    "Write TensorBoard event files beside metrics.csv (tensorboard --logdir runs/): true or false",
                    "true",
                    "false")
            .resumable();

    /** Scalars every N steps besides those of every epoch. */
    public static final Setting<Integer> TENSORBOARD_STEPS = Setting.integer(
                    "tensorboard",
                    "steps",
                    "--tensorboard-steps",
                    0,
                    "Also write the step's loss, terms and learning rate every N steps; 0: per epoch only")
            .atLeast(0)
            .resumable();

    /** Sample images every N epochs besides those of the end. */
    public static final Setting<Integer> TENSORBOARD_IMAGES = Setting.integer(
                    "tensorboard",
                    "images",
                    "--tensorboard-images",
                    0,
                    "Also draw samples into the events every N epochs; 0: the final pictures only")
            .atLeast(0)
            .resumable();

    /** Where the model lives. */
    public static final Setting<String> DEVICE =
            Setting.text("", "device", "--device", "DEVICE", "cpu", "The device: cpu, gpu or gpu:N");

    /** Every setting, in the order of the config file and the help text. */
    public static final List<Setting<?>> ALL = List.of(
            DATA,
            BINARIZE,
            DEQUANTIZE,
            IMAGE_SIZE,
            CHANNELS,
            BACKGROUND,
            FLIP,
            HELD_OUT,
            LABEL_COLUMN,
            ARRAYS,
            CACHE,
            CONDITION,
            EPOCHS,
            BATCH_SIZE,
            LEARNING_RATE,
            ADAM_EPSILON,
            SEED,
            LR_SCHEDULE,
            WARMUP_STEPS,
            LR_DECAY_EPOCHS,
            LR_DECAY,
            CLIP_NORM,
            EMA,
            CHECKPOINT_STEPS,
            CHECKPOINT_MINUTES,
            KEEP_BEST,
            TENSORBOARD,
            TENSORBOARD_STEPS,
            TENSORBOARD_IMAGES,
            DEVICE);

    /** The word that leaves a data setting to be decided from the data and the encoder. */
    public static final String AUTO = "auto";

    private Settings() {}

    /**
     * The setting at a config path.
     *
     * @param path {@code training.ema}, or a top-level key such as {@code device}
     * @return the setting, if one has that path
     */
    public static Optional<Setting<?>> atPath(String path) {
        return ALL.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /**
     * The settings of one section of the config file.
     *
     * @param section {@code data}, {@code training}, or "" for the top-level keys
     * @return its settings, in declaration order
     */
    public static List<Setting<?>> inSection(String section) {
        List<Setting<?>> found = new ArrayList<>();
        for (Setting<?> setting : ALL) {
            if (setting.section().equals(section)) {
                found.add(setting);
            }
        }
        return found;
    }

    /**
     * The sections of the config file that hold settings, in declaration order; "" for top-level
     * keys.
     *
     * @return the sections
     */
    public static List<String> sections() {
        List<String> sections = new ArrayList<>();
        for (Setting<?> setting : ALL) {
            if (!sections.contains(setting.section())) {
                sections.add(setting.section());
            }
        }
        return sections;
    }
}
