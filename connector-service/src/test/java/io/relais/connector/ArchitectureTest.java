package io.relais.connector;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package picture of connector-service: each feature package ({@code io.relais.connector.<feature>..})
 * may use the ones below it, never in a circle (STYLE.md, "Layout of a service"). What a source sends
 * ({@code source}) is at the bottom; {@code ingest} uses mapping and delivery; the dead-letter replay
 * ({@code replay}) sits above ingest and delivery. Run alone with
 * {@code ./mvnw -pl connector-service test -Dtest=ArchitectureTest}.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.relais.connector");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.relais.connector.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }
}
