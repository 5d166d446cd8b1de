package dev.complianceharness.pii.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.complianceharness.pii.arch.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PiiRules")
class PiiRulesTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackagesOf(Fixtures.class);

    private static List<String> violations(com.tngtech.archunit.lang.ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        return result.getFailureReport().getDetails();
    }

    @Nested
    @DisplayName("CLASSES_HOLDING_PII_SHOULD_OVERRIDE_TO_STRING")
    class ToStringRule {
        @Test
        @DisplayName("flags generated record toString() and inherited Object.toString(), not overrides")
        void flags() {
            assertThat(violations(PiiRules.CLASSES_HOLDING_PII_SHOULD_OVERRIDE_TO_STRING)).containsExactlyInAnyOrder(
                    Fixtures.GeneratedToStringCustomer.class.getName() + " holds @Pii email and uses the toString() the"
                            + " compiler generates for records in (Fixtures.java:0)",
                    Fixtures.InheritedToStringAccount.class.getName() + " holds @Pii iban and inherits toString() in"
                            + " (Fixtures.java:0)");
        }

        @Test
        @DisplayName("reads as English with its reason")
        void description() {
            assertThat(PiiRules.CLASSES_HOLDING_PII_SHOULD_OVERRIDE_TO_STRING.getDescription()).startsWith(
                    "classes that hold personal data (annotated @Pii or with a @Pii field) should override toString(),"
                            + " because an inherited or generated toString() prints every field");
        }
    }

    @Nested
    @DisplayName("NO_CLASSES_HOLDING_PII_SHOULD_ACCESS_STANDARD_STREAMS")
    class StreamRule {
        @Test
        @DisplayName("flags System.out and printStackTrace() in classes holding PII, with the line")
        void flags() {
            List<String> found = violations(PiiRules.NO_CLASSES_HOLDING_PII_SHOULD_ACCESS_STANDARD_STREAMS);
            assertThat(found).hasSize(2).allSatisfy(line -> assertThat(line).contains("PrintingPatient.admit()"));
            assertThat(found).anySatisfy(line -> assertThat(line).contains("gets field <java.lang.System.out>"));
            assertThat(found).anySatisfy(line -> assertThat(line).contains("calls method <java.lang.IllegalStateException.printStackTrace()>"));
        }
    }

    @Nested
    @DisplayName("logging only through approved loggers")
    class LoggingRule {
        @Test
        @DisplayName("flags direct SLF4J calls in classes holding PII, not calls through the approved facade")
        void approved() {
            List<String> found = violations(PiiRules.classesHoldingPiiShouldOnlyLogThrough(Fixtures.AuditLog.class));
            assertThat(found).isNotEmpty().allSatisfy(line -> assertThat(line).contains("DirectlyLoggingSubscriber"));
            assertThat(PiiRules.classesHoldingPiiShouldOnlyLogThrough(Fixtures.AuditLog.class).getDescription())
                    .startsWith("no classes that hold personal data (annotated @Pii or with a @Pii field) should call a"
                            + " logging framework other than through " + Fixtures.AuditLog.class.getName());
        }
    }

    @Nested
    @DisplayName("FIELDS_NAMED_LIKE_PII_SHOULD_BE_ANNOTATED_PII")
    class AnnotationRule {
        @Test
        @DisplayName("flags fields named like personal data without @Pii")
        void flags() {
            assertThat(violations(PiiRules.FIELDS_NAMED_LIKE_PII_SHOULD_BE_ANNOTATED_PII)).singleElement()
                    .satisfies(line -> assertThat(line).contains("UnannotatedContact.phoneNumber")
                            .contains("is not annotated with @Pii"));
        }
    }

    @Nested
    @DisplayName("PiiToStringCheck")
    class RuntimeCheck {
        @Test
        @DisplayName("passes a record whose override masks")
        void masks() {
            assertThatCode(() -> PiiToStringCheck.assertMasks(Fixtures.MaskedCustomer.class)).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("fails a generated toString() and an override that prints the data reformatted, masked")
        void leaks() {
            assertThatThrownBy(() -> PiiToStringCheck.assertMasks(Fixtures.GeneratedToStringCustomer.class))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("GeneratedToStringCustomer.toString() reveals personal data:\n  - email, as planted\n"
                            + "  printed: \"GeneratedToStringCustomer[id=neutral, email=");
            assertThatThrownBy(() -> PiiToStringCheck.assertMasks(Fixtures.SloppyToStringCustomer.class))
                    .hasMessageStartingWith("SloppyToStringCustomer.toString() reveals personal data:\n  - phone, reformatted");
        }

        @Test
        @DisplayName("checks every record holding PII at once, and classes through a factory")
        void all() {
            assertThatThrownBy(() -> PiiToStringCheck.assertAllRecordsMask(FIXTURES))
                    .hasMessageStartingWith("2 records reveal personal data in toString():")
                    .hasMessageContaining("GeneratedToStringCustomer.toString()")
                    .hasMessageContaining("SloppyToStringCustomer.toString()");
            assertThatThrownBy(() -> PiiToStringCheck.assertMasks("InheritedToStringAccount",
                    customer -> "Account " + new Fixtures.InheritedToStringAccount(customer.iban()).iban()))
                    .hasMessageContaining("iban, as planted");
        }
    }
}
