package dev.genzoo.runtime.run;

import dev.genzoo.runtime.data.DataFacts;
import dev.genzoo.runtime.data.DataOptions;
import dev.genzoo.runtime.data.DataSources;
import dev.genzoo.runtime.data.DataSplit;
import jakarta.inject.Singleton;

/**
 * The data a runtime has opened (a source read with its data settings), with their {@link DataFacts}: the last source is kept, so that
 * resolving a config (whose defaults follow the data) and then training it read the files once.
 * The splits are shared, never modified (see {@link dev.genzoo.runtime.data.Dataset}).
 * Thread-safe.
 */
@Singleton
final class DataLibrary {
    private DataOptions source;
    private DataSplit split;
    private DataFacts facts;

    /** The split of a source, read once for consecutive requests of the same source. */
    synchronized DataSplit split(DataOptions name) {
        open(name);
        return split;
    }

    /** The facts of a source's split. */
    synchronized DataFacts facts(DataOptions name) {
        open(name);
        return facts;
    }

    private void open(DataOptions name) {
        if (!name.equals(source)) {
            DataSplit loaded = DataSources.load(name, PrintedProgress.ERR);
            DataFacts learnt = DataFacts.of(loaded);
            source = name;
            split = loaded;
            facts = learnt;
        }
    }
}
