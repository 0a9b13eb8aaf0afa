package dev.genzoo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import dev.genzoo.api.GenzooException;
import dev.genzoo.api.options.Option;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The conformance checks pass on a well-made plugin and each one fails on a plugin with the defect
 * it looks for: a blank description, a duplicated or undocumented option, a name with capitals,
 * a plugin ServiceLoader does not find, an api too new, a factory that fails on its defaults, a
 * factory left out of every model.
 */
final class PluginConformanceTest {
    private static final Shape DATA = new Shape(1, 2, 2);

    private static PluginConformance conformance(FakePlugin plugin) {
        return PluginConformance.of(plugin)
                .data(DATA)
                .model("scaled-gaussian", "unit-normal", "identity-gaussian", "squared-mean");
    }

    @Test
    void aWellMadePluginPassesEveryCheck() throws Throwable {
        int ran = 0;
        for (DynamicTest test : conformance(new FakePlugin()).tests().toList()) {
            test.getExecutable().execute();
            ran++;
        }
        assertThat(ran).isEqualTo(6);
        PluginConformance.of(new FakePlugin())
                .model(Map.of("scale", "2"), "scaled-gaussian", "unit-normal", "identity-gaussian", "squared-mean")
                .everyFactoryCreatesFromItsDefaults();
    }

    @Test
    void aBlankDescriptionFails() {
        PluginConformance check = conformance(new FakePlugin().describedAs("  "));
        assertThatThrownBy(check::everyFactoryDescribesItself)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the description of encoder scaled-gaussian");
    }

    @Test
    void aDuplicatedOptionFails() {
        PluginConformance check = conformance(new FakePlugin().withEncoderOptions(FakePlugin.SCALE, FakePlugin.SCALE));
        assertThatThrownBy(check::optionsAreUniqueAndDocumented)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("declares option scale once");
    }

    @Test
    void anUndocumentedOptionFails() {
        Option<Integer> silent = Option.integer("depth", 2, "");
        PluginConformance check = conformance(new FakePlugin().withEncoderOptions(silent));
        assertThatThrownBy(check::optionsAreUniqueAndDocumented)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the description of option depth");
    }

    @Test
    void aNameThatIsNotLowerCaseWordsFails() {
        PluginConformance check = conformance(new FakePlugin().named("Fake"));
        assertThatThrownBy(check::namesAreLowerCaseWords)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the plugin's name");
    }

    @Test
    void aPluginServiceLoaderDoesNotFindFails() {
        conformance(new FakePlugin()).isFoundByServiceLoader();
        PluginConformance check = conformance(new FakePlugin().named("unregistered"));
        assertThatThrownBy(check::isFoundByServiceLoader)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("register dev.genzoo.testkit.FakePlugin in META-INF/services");
    }

    @Test
    void aPluginBuiltForANewerApiOrForNoneFails() {
        assertThatThrownBy(conformance(new FakePlugin().builtFor("1.99"))::declaresAnApiThisGenzooRuns)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("built for api 1.99");
        assertThatThrownBy(conformance(new FakePlugin().builtFor(""))::declaresAnApiThisGenzooRuns)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("return ApiVersion.CURRENT");
    }

    @Test
    void aFactoryThatFailsOnItsDefaultsOrIsInNoModelFails() {
        PluginConformance failing = conformance(new FakePlugin().failingToCreate());
        assertThatThrownBy(failing::everyFactoryCreatesFromItsDefaults)
                .isInstanceOf(GenzooException.class)
                .hasMessage("this encoder cannot work with its defaults");
        PluginConformance partial =
                PluginConformance.of(new FakePlugin()).model("scaled-gaussian", "unit-normal", null, null);
        assertThatThrownBy(partial::everyFactoryCreatesFromItsDefaults)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("decoder identity-gaussian is in a model");
        PluginConformance unknown = PluginConformance.of(new FakePlugin()).model("no-such", null, null, null);
        assertThatThrownBy(unknown::everyFactoryCreatesFromItsDefaults)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no encoder named 'no-such'");
    }
}
