package dev.genzoo.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the runtime (docs/architecture.md), checked on its compiled classes: no package
 * cycles; the training loop and the training controls know nothing of files, pictures, checkpoints, wiring or the CLI-facing
 * services; the model and the data know nothing of training.
 */
final class PackageRulesTest {
    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.genzoo.runtime");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("dev.genzoo.runtime.(*)..").should().beFreeOfCycles().check(RUNTIME);
    }

    @Test
    void theTrainingLoopAndItsControlsWriteNoFiles() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.genzoo.runtime.train..", "dev.genzoo.runtime.controls..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.genzoo.runtime.callbacks..",
                        "dev.genzoo.runtime.checkpoint..",
                        "dev.genzoo.runtime.files..",
                        "dev.genzoo.runtime.image..",
                        "dev.genzoo.runtime.pictures..",
                        "dev.genzoo.runtime.run..",
                        "dev.genzoo.runtime.wiring..",
                        "java.io..",
                        "java.nio.file..")
                .check(RUNTIME);
    }

    @Test
    void theModelAndTheDataKnowNothingOfTraining() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.genzoo.runtime.model..", "dev.genzoo.runtime.data..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.genzoo.runtime.train..", "dev.genzoo.runtime.run..", "dev.genzoo.runtime.wiring..")
                .check(RUNTIME);
    }
}
