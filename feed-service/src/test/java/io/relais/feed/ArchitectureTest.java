package io.relais.feed;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package picture of feed-service: each feature package ({@code io.relais.feed.<feature>..}) may use
 * the ones below it, never in a circle (STYLE.md, "Layout of a service"). Threads sit in two layers:
 * {@code thread} (storage and access rules) below the use cases, {@code threadview} (what readers get)
 * above it. Run alone with {@code ./mvnw -pl feed-service test -Dtest=ArchitectureTest}.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.relais.feed");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.relais.feed.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }
}
