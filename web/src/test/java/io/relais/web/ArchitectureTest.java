package io.relais.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package picture of web: feature packages ({@code io.relais.web.<feature>..}) depend on each
 * other downward, never in a circle (STYLE.md, "Layout of a service"). Run alone with
 * {@code ./mvnw -pl web test -Dtest=ArchitectureTest}.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.relais.web");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.relais.web.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }
}
