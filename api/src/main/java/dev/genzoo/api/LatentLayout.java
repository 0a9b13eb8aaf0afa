package dev.genzoo.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Named blocks of a latent (api 1.2): the stochastic layers z1, z2, ..., zL of a hierarchical model
 * (Sonderby et al. 2016; Burda et al. 2016, section 5) laid side by side along the last axis of one
 * latent vector, z = (z1, z2, ..., zL), so that objectives, {@code eval} and the pictures can read
 * a layer by its name instead of by an option convention that two plugins share. A latent without
 * named parts has one block, {@value #WHOLE}, that spans it. Immutable.
 */
public final class LatentLayout {
    /** The name of the only block of a latent without named parts. */
    public static final String WHOLE = "z";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * One block: a name and the units it takes of the latent vector, from an offset.
     *
     * @param name a lower-case word, {@code z1}
     * @param size the units, at least 1
     * @param offset where the block starts along the last axis
     */
    public record Block(String name, long size, long offset) {
        /**
         * Checks the block.
         *
         * @param name a lower-case word
         * @param size the units, at least 1
         * @param offset where the block starts, at least 0
         * @throws IllegalArgumentException for a name that is not a lower-case word, a size below 1
         *     or a negative offset
         */
        public Block {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "'" + name + "' cannot name a latent block: a lower-case letter, then letters, digits or '_'");
            }
            if (size < 1 || offset < 0) {
                throw new IllegalArgumentException(
                        "latent block '" + name + "' needs a size of at least 1 and an offset of at least 0");
            }
        }
    }

    private final Shape shape;
    private final List<Block> blocks;
    private final Map<String, Block> byName;

    private LatentLayout(Shape shape, List<Block> blocks) {
        this.shape = shape;
        this.blocks = Collections.unmodifiableList(new ArrayList<>(blocks));
        Map<String, Block> names = new LinkedHashMap<>();
        for (Block block : blocks) {
            if (names.putIfAbsent(block.name(), block) != null) {
                throw new IllegalArgumentException("latent block '" + block.name() + "' is named twice");
            }
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    /**
     * A latent without named parts: one block, {@value #WHOLE}, over all of it, whatever its shape.
     *
     * @param latentShape one example's latent shape
     * @return the layout
     */
    public static LatentLayout whole(Shape latentShape) {
        return new LatentLayout(latentShape, List.of(new Block(WHOLE, latentShape.size(), 0)));
    }

    /**
     * A latent vector of named blocks in the given order, each taking its units after the one
     * before.
     *
     * @param sizes units by block name, in order along the vector
     * @return the layout, its shape (sum of sizes)
     * @throws IllegalArgumentException for no block, a bad name or a size below 1
     */
    public static LatentLayout vector(Map<String, Long> sizes) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("a latent layout needs at least one block");
        }
        List<Block> blocks = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, Long> entry : sizes.entrySet()) {
            blocks.add(new Block(entry.getKey(), entry.getValue(), offset));
            offset += entry.getValue();
        }
        return new LatentLayout(new Shape(offset), blocks);
    }

    /**
     * The layers of a hierarchy, z1 (nearest the data) to zL (the top), as a latent vector (z1,
     * ..., zL).
     *
     * @param sizes the units of z1, z2, ..., zL
     * @return the layout
     */
    public static LatentLayout layers(long... sizes) {
        Map<String, Long> named = new LinkedHashMap<>();
        for (int l = 0; l < sizes.length; l++) {
            named.put(layerName(l + 1), sizes[l]);
        }
        return vector(named);
    }

    /**
     * The name of a hierarchy's layer.
     *
     * @param layer from 1 at the data
     * @return {@code z1}, {@code z2}, ...
     */
    public static String layerName(int layer) {
        return "z" + layer;
    }

    /**
     * One example's latent shape.
     *
     * @return the shape the blocks tile
     */
    public Shape shape() {
        return shape;
    }

    /**
     * The blocks in order along the latent.
     *
     * @return the blocks
     */
    public List<Block> blocks() {
        return blocks;
    }

    /**
     * The blocks' names in order.
     *
     * @return the names
     */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * Whether the latent has named parts: more than one block.
     *
     * @return true for a hierarchy
     */
    public boolean isLayered() {
        return blocks.size() > 1;
    }

    /**
     * One block by name.
     *
     * @param name the block's name
     * @return the block
     * @throws IllegalArgumentException if there is no such block
     */
    public Block block(String name) {
        Block block = byName.get(name);
        if (block == null) {
            throw new IllegalArgumentException("the latent has no block '" + name + "' (it has " + names() + ")");
        }
        return block;
    }

    /**
     * Whether a block of that name exists.
     *
     * @param name a name
     * @return true if there is a block of that name
     */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /**
     * The part of latents that one block holds.
     *
     * @param z latents, [..., latent shape]
     * @param name the block's name
     * @return z itself for the whole latent, else [..., size]
     */
    public NDArray slice(NDArray z, String name) {
        Block block = block(name);
        if (!isLayered()) {
            return z;
        }
        return z.get(new NDIndex("..., " + block.offset() + ":" + (block.offset() + block.size())));
    }

    /**
     * Latents cut into their blocks.
     *
     * @param z latents, [..., latent shape]
     * @return one array per block, in order
     */
    public NDList split(NDArray z) {
        if (!isLayered()) {
            return new NDList(z);
        }
        long[] cuts = new long[blocks.size() - 1];
        for (int i = 1; i < blocks.size(); i++) {
            cuts[i - 1] = blocks.get(i).offset();
        }
        return z.split(cuts, z.getShape().dimension() - 1);
    }

    /**
     * Blocks put side by side into latents.
     *
     * @param parts one array per block, in order, [..., size]
     * @return [..., latent shape]
     */
    public NDArray join(NDList parts) {
        if (parts.size() != blocks.size()) {
            throw new IllegalArgumentException(
                    "a latent of " + blocks.size() + " blocks is joined from as many parts, not " + parts.size());
        }
        if (!isLayered()) {
            return parts.get(0);
        }
        return NDArrays.concat(parts, parts.get(0).getShape().dimension() - 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatentLayout that && shape.equals(that.shape) && blocks.equals(that.blocks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, blocks);
    }

    /**
     * The blocks and their sizes.
     *
     * @return {@code z1 (64), z2 (32)}, or {@code z (20)}
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append(block.name())
                    .append(" (")
                    .append(block.size())
                    .append(')');
        }
        return text.toString();
    }
}
