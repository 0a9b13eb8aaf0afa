package dev.genzoo.runtime.data;

/**
 * Hears how far decoding a source has come (an image folder's files, read once and then cached),
 * so that a front end can draw it. Called on the thread that loads the data.
 */
public interface DecodingProgress {
    /** Hears nothing. */
    DecodingProgress NONE = new DecodingProgress() {
        @Override
        public void started(String what, long total) {}

        @Override
        public void advanced(long done) {}

        @Override
        public void finished(String summary) {}
    };

    /**
     * Decoding begins.
     *
     * @param what what is decoded, in words: "decoding 3786 images in FOLDER"
     * @param total the units of work (files)
     */
    void started(String what, long total);

    /**
     * Some units are done.
     *
     * @param done the units done so far
     */
    void advanced(long done);

    /**
     * Decoding ended.
     *
     * @param summary what was done, in words: "decoded 3786 images in 4.1 s, cached in FILE"
     */
    void finished(String summary);
}
