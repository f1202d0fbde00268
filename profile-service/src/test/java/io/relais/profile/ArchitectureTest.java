package io.relais.profile;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package picture of profile-service: each feature package ({@code io.relais.profile.<feature>..}) may
 * use the ones below it, never in a circle (STYLE.md, "Layout of a service"). {@code person} is at the
 * bottom: the features that index people (directory, orgchart, photo) observe its {@code ProfileWritten}
 * event, and expertise answers its {@code SkillEndorsements} question. Run alone with
 * {@code ./mvnw -pl profile-service test -Dtest=ArchitectureTest}.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.relais.profile");

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.relais.profile.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }
}
