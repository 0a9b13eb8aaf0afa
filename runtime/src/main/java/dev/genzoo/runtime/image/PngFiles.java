package dev.genzoo.runtime.image;

import dev.genzoo.api.GenzooException;
import dev.genzoo.runtime.files.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG writing through {@link AtomicFiles}: readers see the old picture or the new one, never half of one. */
public final class PngFiles {
    private PngFiles() {}

    /**
     * Writes a picture as PNG, replacing any existing file atomically. The folder must exist.
     *
     * @param file the PNG file to write
     * @param image the picture
     * @throws GenzooException naming the file, if it cannot be written; no temporary file is left
     */
    public static void write(Path file, BufferedImage image) {
        AtomicFiles.write(file.toAbsolutePath(), out -> encode(image, out));
    }

    /** Encodes without ImageIO's disk cache, which would need a writable java.io.tmpdir. */
    private static void encode(BufferedImage image, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no PNG encoder");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
    }
}
