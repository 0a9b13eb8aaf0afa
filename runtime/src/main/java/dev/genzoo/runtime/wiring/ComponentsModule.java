package dev.genzoo.runtime.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.api.DecoderFactory;
import dev.genzoo.api.EncoderFactory;
import dev.genzoo.api.ObjectiveFactory;
import dev.genzoo.api.PriorFactory;
import dev.genzoo.api.Role;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.plugin.Registered;

/**
 * Binds each discovered factory by name, one {@link MapBinder} per role. Side-effect free: no
 * I/O, no native memory; discovery happened before, in {@link PluginCatalog}.
 */
public final class ComponentsModule extends AbstractModule {
    private final PluginCatalog catalog;

    /**
     * A module over discovered plugins.
     *
     * @param catalog the discovered plugins
     */
    public ComponentsModule(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void configure() {
        bind(PluginCatalog.class).toInstance(catalog);
        bindRole(Role.ENCODER, EncoderFactory.class);
        bindRole(Role.PRIOR, PriorFactory.class);
        bindRole(Role.DECODER, DecoderFactory.class);
        bindRole(Role.OBJECTIVE, ObjectiveFactory.class);
    }

    private <F extends ComponentFactory<?>> void bindRole(Role role, Class<F> type) {
        MapBinder<String, F> binder = MapBinder.newMapBinder(binder(), String.class, type);
        for (Registered registered : catalog.factories(role).values()) {
            binder.addBinding(registered.name()).toInstance(type.cast(registered.factory()));
        }
    }
}
