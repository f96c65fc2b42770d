package be.fedauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house, checked on the main classes of every published module; each rule is also
 * shown to fail on a planted violation ({@code be.fedauth.it.planted}), so none can pass by matching
 * nothing.
 */
class ArchitectureTest {
    private static JavaClasses main;
    private static JavaClasses planted;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("be.fedauth");
        planted = new ClassFileImporter().importPackages("be.fedauth.it.planted");
    }

    @Test
    void theMainClassesOfEveryModuleAreImported() {
        for (String p : new String[] {"be.fedauth.core", "be.fedauth.oidc", "be.fedauth.saml", "be.fedauth.servlet",
            "be.fedauth.redis", "be.fedauth.testkit"}) {
            assertThat(main.containPackage(p)).as(p).isTrue();
        }
        assertThat(main.contain("be.fedauth.it.planted.PlantedViolations")).isFalse();
    }

    @Test
    void sdkCore_holdsNoProtocolLibraryOrContainerType() {
        HouseRules.coreIsFreeOfLibraries("be.fedauth.core..").check(main);
    }

    @Test
    void openSamlAndNimbus_areUsedOnlyInInternalPackages() {
        HouseRules.protocolLibrariesOnlyInInternal("be.fedauth..").check(main);
    }

    @Test
    void publicSignatures_holdNoLibraryType() {
        HouseRules.publicSignaturesFreeOfLibraryTypes("be.fedauth..").check(main);
    }

    @Test
    void theFakeIdp_neverDependsOnTheRelyingPartyModules() {
        HouseRules.testkitIndependentOfRelyingParty("be.fedauth.testkit..").check(main);
    }

    @Test
    void eachRule_failsOnAPlantedViolation() {
        for (ArchRule rule : new ArchRule[] {
            HouseRules.coreIsFreeOfLibraries("be.fedauth.it.planted.."),
            HouseRules.protocolLibrariesOnlyInInternal("be.fedauth.it.planted.."),
            HouseRules.publicSignaturesFreeOfLibraryTypes("be.fedauth.it.planted.."),
            HouseRules.testkitIndependentOfRelyingParty("be.fedauth.it.planted..")}) {
            assertThat(rule.evaluate(planted).hasViolation()).as(rule.getDescription()).isTrue();
        }
    }
}
