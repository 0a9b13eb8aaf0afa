package dev.genzoo.runtime.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Names;
import dev.genzoo.api.ComponentFactory;
import dev.genzoo.runtime.plugin.NamedRegistry;
import dev.genzoo.runtime.plugin.PluginCatalog;
import dev.genzoo.runtime.plugin.Registered;

/**
 * Binds every discovered factory by name, one {@link MapBinder} per role and one for samplers,
 * each value a {@link Registered} (the factory and the plugin that provides it); {@link
 * Components} reads them. Side-effect free: no I/O, no native memory; discovery happened before,
 * in {@link PluginCatalog}.
 */
public final class ComponentsModule extends AbstractModule {
    /** The name of the binding that says where plugins were looked for, for messages. */
    static final String SEARCHED = "genzoo.plugins.searched";

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
        bindConstant().annotatedWith(Names.named(SEARCHED)).to(catalog.searched());
        bindAll(catalog.encoders(), new TypeLiteral<>() {});
        bindAll(catalog.priors(), new TypeLiteral<>() {});
        bindAll(catalog.decoders(), new TypeLiteral<>() {});
        bindAll(catalog.objectives(), new TypeLiteral<>() {});
        bindAll(catalog.samplerRegistry(), new TypeLiteral<>() {});
    }

    private <F extends ComponentFactory<?>> void bindAll(NamedRegistry<F> registry, TypeLiteral<Registered<F>> type) {
        MapBinder<String, Registered<F>> binder = MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class), type);
        registry.all().forEach((name, registered) -> binder.addBinding(name).toInstance(registered));
    }
}
