package dev.genzoo.runtime.events;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * TensorBoard's messages, encoded by hand with {@code CodedOutputStream} from their public field
 * numbers:
 *
 * <pre>
 * Event       { double wall_time = 1; int64 step = 2; string file_version = 3;
 *               Summary summary = 5; SessionLog session_log = 7; }
 * SessionLog  { SessionStatus status = 1; }            START = 1
 * Summary     { repeated Value value = 1; }
 * Value       { string tag = 1; float simple_value = 2; Image image = 4; }
 * Image       { int32 height = 1; int32 width = 2; int32 colorspace = 3; bytes encoded_image_string = 4; }
 * </pre>
 */
final class EventMessages {
    /** The version string of the first event of a file. */
    static final String FILE_VERSION = "brain.Event:2";

    private EventMessages() {}

    /** The first event of every file, naming the format's version. */
    static byte[] fileVersion(double wallTime) {
        return encode(out -> {
            out.writeDouble(1, wallTime);
            out.writeString(3, FILE_VERSION);
        });
    }

    /** A scalar at a step. */
    static byte[] scalar(double wallTime, long step, String tag, float value) {
        byte[] summaryValue = encode(out -> {
            out.writeString(1, tag);
            out.writeFloat(2, value);
        });
        return summary(wallTime, step, summaryValue);
    }

    /**
     * An image at a step.
     *
     * @param png the encoded image
     * @param colorspace 1 grey, 3 RGB, 4 RGBA
     */
    static byte[] image(double wallTime, long step, String tag, byte[] png, int height, int width, int colorspace) {
        byte[] image = encode(out -> {
            out.writeInt32(1, height);
            out.writeInt32(2, width);
            out.writeInt32(3, colorspace);
            out.writeByteArray(4, png);
        });
        byte[] summaryValue = encode(out -> {
            out.writeString(1, tag);
            out.writeByteArray(4, image);
        });
        return summary(wallTime, step, summaryValue);
    }

    /**
     * A session start at a step: TensorBoard then drops the events of earlier files past that step,
     * written by a run that was killed after its last checkpoint.
     */
    static byte[] sessionStart(double wallTime, long step) {
        byte[] log = encode(out -> out.writeEnum(1, 1));
        return encode(out -> {
            out.writeDouble(1, wallTime);
            out.writeInt64(2, step);
            out.writeByteArray(7, log);
        });
    }

    private static byte[] summary(double wallTime, long step, byte[] value) {
        byte[] summary = encode(out -> out.writeByteArray(1, value));
        return encode(out -> {
            out.writeDouble(1, wallTime);
            out.writeInt64(2, step);
            out.writeByteArray(5, summary);
        });
    }

    private interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] encode(Fields fields) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            fields.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
