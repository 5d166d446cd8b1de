package dev.complianceharness.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.invariant.LiabilityTier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The codebase audit")
class CodebaseAuditTest {

    static final String FIXTURES = "dev.complianceharness.audit.fixtures";

    static Path fixtures() {
        try {
            Path classes = Path.of(CodebaseAuditTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolve(FIXTURES.replace('.', '/'));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ClassAssessment assessment(AuditReport report, String simpleName) {
        return report.classes().stream().filter(assessment -> assessment.className().endsWith("." + simpleName))
                .findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("classifies every class by the evidence in its bytecode")
    class Classification {

        private final AuditReport report = run(CodebaseAudit.of(fixtures()));

        @Test
        @DisplayName("personal-data fields near a logger are regulatory, with every reason")
        void personalData() {
            ClassAssessment customer = assessment(report, "Customer");
            assertThat(customer.tier()).contains(LiabilityTier.REGULATORY);
            assertThat(customer.evidence()).extracting(Evidence::toString).containsExactly(
                    "personal data: field dateOfBirth, field email, field phoneNumber",
                    "personal data near logging: logs in a class that holds personal data: check what reaches the log",
                    "logging: uses java.util.logging");
            assertThat(customer.score()).isEqualTo(9 + 4 + 1);
        }

        @Test
        @DisplayName("card data is regulatory and weighs most")
        void cardData() {
            ClassAssessment vault = assessment(report, "CardVault");
            assertThat(vault.tier()).contains(LiabilityTier.REGULATORY);
            assertThat(vault.evidence()).extracting(Evidence::toString).containsExactly("card data: field cardNumber, field cvv");
            assertThat(vault.score()).isEqualTo(10);
        }

        @Test
        @DisplayName("getters of an interface count as personal data")
        void getters() {
            assertThat(assessment(report, "AccountView").evidence()).extracting(Evidence::toString)
                    .containsExactly("personal data: getter getEmail(), getter getIban()");
        }

        @Test
        @DisplayName("an amount with a currency is financial, and so is a payments name")
        void money() {
            ClassAssessment refund = assessment(report, "Refund");
            assertThat(refund.tier()).contains(LiabilityTier.FINANCIAL);
            assertThat(refund.evidence()).extracting(Evidence::toString).containsExactly(
                    "money: amount amount with currency currency", "named after payments: class name contains 'refund'");
        }

        @Test
        @DisplayName("a third-party HTTP client is reputational; a class with no evidence has no tier")
        void clientsAndNothing() {
            assertThat(assessment(report, "WebhookSender").tier()).contains(LiabilityTier.REPUTATIONAL);
            assertThat(assessment(report, "WebhookSender").evidence()).extracting(Evidence::toString)
                    .containsExactly("third-party client: uses java.net.http.HttpClient");
            assertThat(assessment(report, "Util").tier()).isEmpty();
            assertThat(assessment(report, "Util").evidence()).isEmpty();
        }

        @Test
        @DisplayName("a declared @LiabilityZone gives the tier and the owner")
        void declaredZone() {
            ClassAssessment ledger = assessment(report, "Ledger");
            assertThat(ledger.tier()).contains(LiabilityTier.FINANCIAL);
            assertThat(ledger.owner()).contains("ledger-team");
            assertThat(ledger.ownerSource()).contains("@LiabilityZone");
        }

        @Test
        @DisplayName("ranks regulatory classes first, then by score, and lists them for triage")
        void ranking() {
            assertThat(report.triage(4)).extracting(ClassAssessment::className).containsExactly(
                    FIXTURES + ".Customer", FIXTURES + ".CardVault", FIXTURES + ".AccountView", FIXTURES + ".Refund");
            assertThat(report.tierCounts()).containsExactly(
                    java.util.Map.entry("REGULATORY", 3L), java.util.Map.entry("FINANCIAL", 2L),
                    java.util.Map.entry("REPUTATIONAL", 1L), java.util.Map.entry("NONE", 1L));
        }
    }

    @Test
    @DisplayName("recognises any annotation named dev.complianceharness.mask.Pii, whichever copy it was compiled against")
    void piiAnnotationByName(@TempDir Path directory) throws Exception {
        Path sources = Files.createDirectories(directory.resolve("src"));
        Path annotation = Files.writeString(sources.resolve("Pii.java"), "package dev.complianceharness.mask;\n"
                + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS) public @interface Pii {}\n");
        Path user = Files.writeString(sources.resolve("Subscriber.java"), "package com.example;\n"
                + "public class Subscriber { @dev.complianceharness.mask.Pii private String handle; }\n");
        Path classes = Files.createDirectories(directory.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-d", classes.toString(), annotation.toString(), user.toString())).isZero();

        AuditReport report = run(CodebaseAudit.of(classes.resolve("com")));

        assertThat(report.classes()).singleElement().satisfies(subscriber -> {
            assertThat(subscriber.tier()).contains(LiabilityTier.REGULATORY);
            assertThat(subscriber.evidence()).extracting(Evidence::toString)
                    .containsExactly("personal data: field handle annotated @Pii");
        });
    }

    @Test
    @DisplayName("takes owners from a CODEOWNERS file, the last matching line winning")
    void codeOwners(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("CODEOWNERS"), """
                # owners
                *                                   @acme/platform
                /shop/src/main/java/dev/complianceharness/audit/fixtures/  @acme/privacy
                **/fixtures/Refund.java             @acme/payments @alice
                """);

        AuditReport report = run(CodebaseAudit.of(fixtures()).withCodeOwners(file));

        assertThat(assessment(report, "Refund").owner()).contains("@acme/payments @alice");
        assertThat(assessment(report, "Customer").owner()).contains("@acme/privacy");
        assertThat(assessment(report, "Customer").ownerSource()).contains("CODEOWNERS");
        assertThat(assessment(report, "Ledger").owner()).contains("ledger-team");
        assertThat(report.codeOwnersRules()).isEqualTo(3);
    }

    @Test
    @DisplayName("names the CODEOWNERS line it cannot read, and a CODEOWNERS file that does not exist")
    void badCodeOwners(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("CODEOWNERS"), "*.java @acme/all\nsrc/[ab]/ @acme/ab\n");

        assertThatThrownBy(() -> CodebaseAudit.of(fixtures()).withCodeOwners(file).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("CODEOWNERS line 2: the pattern 'src/[ab]/' uses brackets or escapes, which this reader"
                        + " does not support; list the paths instead");
        assertThatThrownBy(() -> CodebaseAudit.of(fixtures()).withCodeOwners(directory.resolve("NOPE")).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("NOPE: no such file");
    }

    @Test
    @DisplayName("names a location that does not exist")
    void missingLocation() {
        assertThatThrownBy(() -> CodebaseAudit.of(Path.of("no/such.jar")).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("no/such.jar: no such jar or class directory");
    }

    static AuditReport run(CodebaseAudit audit) {
        try {
            return audit.run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
