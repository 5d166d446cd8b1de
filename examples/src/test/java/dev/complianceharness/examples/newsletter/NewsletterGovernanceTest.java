package dev.complianceharness.examples.newsletter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.complianceharness.governance.GovernanceRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The governance rules a team adds next to its compliance tests, here for the newsletter's own code. */
@DisplayName("Newsletter governance")
class NewsletterGovernanceTest {

    private static final JavaClasses NEWSLETTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.complianceharness.examples.newsletter");

    @Test
    @DisplayName("every class in the newsletter's liability zone has an owner")
    void zonesAreOwned() {
        GovernanceRules.CLASSES_IN_LIABILITY_ZONES_SHOULD_HAVE_AN_OWNER.check(NEWSLETTER);
    }

    @Test
    @DisplayName("passes the security gates")
    void securityGates() {
        GovernanceRules.SECURITY_GATES.check(NEWSLETTER);
    }

    @Test
    @DisplayName("reaches third parties only through adapters")
    void thirdPartyClients() {
        GovernanceRules.THIRD_PARTY_CLIENTS_SHOULD_ONLY_BE_USED_FROM_ADAPTER_PACKAGES.check(NEWSLETTER);
    }
}
