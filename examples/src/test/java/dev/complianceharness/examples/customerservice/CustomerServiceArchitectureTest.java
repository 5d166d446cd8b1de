package dev.complianceharness.examples.customerservice;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.complianceharness.pii.arch.PiiRules;
import dev.complianceharness.pii.arch.PiiToStringCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The ArchUnit rules a team runs on its code, with the runtime toString() check. The {@code legacy}
 * package is left out here; on a real legacy code base, wrap the rules in {@code FreezingArchRule.freeze(...)}
 * instead so that only new violations fail (see the README section "No PII in logs").
 */
@DisplayName("The support desk's classes")
class CustomerServiceArchitectureTest {

    private static final JavaClasses DESK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/customerservice/legacy/"))
            .importPackagesOf(SupportDesk.class);

    @Test
    @DisplayName("annotate personal data, override toString(), avoid the standard streams and log through SLF4J only")
    void followThePiiRules() {
        PiiRules.FIELDS_NAMED_LIKE_PII_SHOULD_BE_ANNOTATED_PII.check(DESK);
        PiiRules.CLASSES_HOLDING_PII_SHOULD_OVERRIDE_TO_STRING.check(DESK);
        PiiRules.NO_CLASSES_HOLDING_PII_SHOULD_ACCESS_STANDARD_STREAMS.check(DESK);
        PiiRules.NO_CLASSES_HOLDING_PII_SHOULD_USE_LOGGING_FRAMEWORKS_DIRECTLY.check(DESK);
    }

    @Test
    @DisplayName("mask personal data in toString(), proven with canary values")
    void toStringMasks() {
        PiiToStringCheck.assertMasks(Customer.class);
        PiiToStringCheck.assertAllRecordsMask(DESK);
    }
}
