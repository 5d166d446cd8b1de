package dev.complianceharness.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.ViolationStore;
import dev.complianceharness.governance.fixtures.exec.Deployer;
import dev.complianceharness.governance.fixtures.exec.Shell;
import dev.complianceharness.liability.ClassImports;
import dev.complianceharness.testkit.FixtureRuns;
import java.nio.file.Path;
import org.apache.commons.codec.digest.DigestUtils;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("Governance rules")
class GovernanceRulesTest {

    static final String FIXTURES = "dev.complianceharness.governance.fixtures";
    static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    static List<String> violations(ArchRule rule) {
        return rule.evaluate(CLASSES).getFailureReport().getDetails();
    }

    @Nested
    @DisplayName("for liability zones and third parties")
    class Ownership {

        @Test
        @DisplayName("flag each class in a zone that names no owner, and no class in an owned zone")
        void owners() {
            assertThat(violations(GovernanceRules.CLASSES_IN_LIABILITY_ZONES_SHOULD_HAVE_AN_OWNER)).containsExactly(
                    "Class <" + FIXTURES + ".zones.unowned.Dialer> is in liability zone '" + FIXTURES + ".zones.unowned'"
                            + " (declared on " + FIXTURES + ".zones.unowned), which names no owner: add owner = \"<team>\" to"
                            + " its @LiabilityZone in (Dialer.java:0)");
        }

        @Test
        @DisplayName("flag third-party HTTP clients used outside the adapter packages, line by line")
        void thirdPartyClients() {
            ArchRule rule = GovernanceRules.thirdPartyClientsShouldOnlyBeUsedFrom(FIXTURES + ".clients.adapters..");
            String upload = "Method <" + FIXTURES + ".clients.app.ReportService.upload(java.net.URI)>";
            assertThat(violations(rule)).containsExactly(
                    upload + " calls method <java.net.http.HttpClient.newHttpClient()> in (ReportService.java:11)",
                    upload + " calls method <java.net.http.HttpRequest$Builder.build()> in (ReportService.java:12)",
                    upload + " calls method <java.net.http.HttpRequest.newBuilder(java.net.URI)> in (ReportService.java:12)",
                    upload + " has return type <java.net.http.HttpRequest> in (ReportService.java:0)",
                    "Method <" + FIXTURES + ".tls.HttpsSetup.disableHostnameChecks()> calls method"
                            + " <javax.net.ssl.HttpsURLConnection.setDefaultHostnameVerifier(javax.net.ssl.HostnameVerifier)>"
                            + " in (HttpsSetup.java:9)");
            assertThat(rule.getDescription()).contains("CWE-829");
        }

        @Test
        @DisplayName("refuse an adapter rule with no adapter package")
        void noAdapterPackage() {
            assertThatThrownBy(GovernanceRules::thirdPartyClientsShouldOnlyBeUsedFrom)
                    .hasMessage("Name at least one adapter package, for example \"com.acme.adapters..\"");
        }
    }

    @Nested
    @DisplayName("for security")
    class Security {

        @Test
        @DisplayName("flag MD5 and SHA-1 digests, with or without a provider, and not SHA-256 (CWE-327/328)")
        void weakDigests() {
            String service = "Method <" + FIXTURES + ".weak.ChecksumService.";
            assertThat(violations(GovernanceRules.NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS)).filteredOn(line -> line.startsWith(service))
                    .containsExactly(
                            service + "fromProvider()> calls MessageDigest.getInstance(\"SHA-1\") in (ChecksumService.java:19)",
                            service + "legacyChecksum(java.lang.String)> calls MessageDigest.getInstance(\"MD5\") in"
                                    + " (ChecksumService.java:11)");
            assertThat(GovernanceRules.NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS.getDescription())
                    .contains("CWE-327", "CWE-328");
        }

        @Test
        @DisplayName("flag MD5 and SHA-1 handed to a helper that passes the name on to MessageDigest, and not SHA-256 or a"
                + " computed name")
        void weakDigestsThroughHelpers() {
            String fingerprints = FIXTURES + ".weak.Fingerprints";
            String helper = ", which passes it to MessageDigest.getInstance through Hashes.lookup in (Fingerprints.java:";
            assertThat(violations(GovernanceRules.NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS))
                    .filteredOn(line -> line.contains(fingerprints) || line.contains(".weak.Hashes")).containsExactly(
                            "Method <" + fingerprints + ".cacheKey(java.lang.String)> calls"
                                    + " Hashes.digest(Fingerprints.legacyAlgorithm = \"SHA-1\")" + helper + "26)",
                            "Method <" + fingerprints + ".checksum(java.lang.String, boolean)> calls Hashes.digest(\"MD5\")"
                                    + helper + "31)",
                            "Method <" + fingerprints + ".etag(java.lang.String)> calls Hashes.digest(\"MD5\")" + helper + "22)",
                            "Method <" + fingerprints + ".legacy()> calls new Fingerprints(\"MD5\"), which passes it to"
                                    + " MessageDigest.getInstance through Hashes.digest, Hashes.lookup in (Fingerprints.java:18)");
        }

        @Test
        @DisplayName("find MD2, MD5 and SHA-1 reached through the helpers of Commons Codec's real jar from Maven Central")
        void weakDigestsInARealJar() throws Exception {
            Path jar = Path.of(DigestUtils.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertThat(jar.getFileName().toString()).matches("commons-codec-[0-9.]+\\.jar");

            List<String> violations = GovernanceRules.NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS
                    .evaluate(ClassImports.locations(List.of(jar))).getFailureReport().getDetails();

            String digestUtils = "Method <org.apache.commons.codec.digest.DigestUtils.";
            String helpers = ", which passes it to MessageDigest.getInstance through DigestUtils.getMessageDigest in (DigestUtils.java:";
            assertThat(violations).filteredOn(line -> line.contains(", which passes it to")).hasSize(3).satisfiesExactly(
                    line -> assertThat(line).startsWith(digestUtils + "getMd2Digest()> calls DigestUtils.getDigest(\"MD2\")" + helpers),
                    line -> assertThat(line).startsWith(digestUtils + "getMd5Digest()> calls DigestUtils.getDigest(\"MD5\")" + helpers),
                    line -> assertThat(line).startsWith(digestUtils + "getSha1Digest()> calls DigestUtils.getDigest(\"SHA-1\")" + helpers));
            assertThat(violations).noneMatch(line -> line.contains("SHA-256") || line.contains("SHA-512"));
        }

        @Test
        @DisplayName("flag java.util.Random and Math.random() in security-named code only (CWE-330/338)")
        void predictableRandomness() {
            assertThat(violations(GovernanceRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_RANDOM_IN_SECURITY_CODE)).containsExactly(
                    "Method <" + FIXTURES + ".random.DiceGame.newSessionId()> calls method <java.lang.Math.random()> in"
                            + " (DiceGame.java:14), which is security-related by its name",
                    "Method <" + FIXTURES + ".random.PasswordResetTokens.next()> calls constructor <java.util.Random.<init>()>"
                            + " in (PasswordResetTokens.java:9), which is security-related by its name");
            assertThat(GovernanceRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_RANDOM_IN_SECURITY_CODE.getDescription())
                    .contains("CWE-330", "CWE-338");
        }

        @Test
        @DisplayName("flag trust-all trust managers and host name verifiers, lambdas included, and not real checks (CWE-295)")
        void trustAll() {
            String tls = "Method <" + FIXTURES + ".tls.";
            assertThat(violations(GovernanceRules.NO_CLASSES_SHOULD_TRUST_ALL_CERTIFICATES_OR_HOST_NAMES)).containsExactly(
                    tls + "AnyHost.lenient()> creates a HostnameVerifier that accepts every host name in (AnyHost.java:15)",
                    tls + "AnyHost.verify(java.lang.String, javax.net.ssl.SSLSession)> accepts every host name in (AnyHost.java:11)",
                    tls + "HttpsSetup.disableHostnameChecks()> creates a HostnameVerifier that accepts every host name in"
                            + " (HttpsSetup.java:9)",
                    tls + "TrustEverything.checkServerTrusted([Ljava.security.cert.X509Certificate;, java.lang.String)> accepts"
                            + " every certificate chain in (TrustEverything.java:15)");
            assertThat(GovernanceRules.NO_CLASSES_SHOULD_TRUST_ALL_CERTIFICATES_OR_HOST_NAMES.getDescription()).contains("CWE-295");
        }

        @Test
        @DisplayName("flag ObjectInputStream.readObject, and not a class's own serialization hook (CWE-502)")
        void deserialization() {
            assertThat(violations(GovernanceRules.NO_CLASSES_SHOULD_DESERIALIZE_WITH_OBJECT_INPUT_STREAM)).containsExactly(
                    "Method <" + FIXTURES + ".serial.SessionLoader.load(java.io.InputStream)> calls method"
                            + " <java.io.ObjectInputStream.readObject()> in (SessionLoader.java:15)");
            assertThat(GovernanceRules.NO_CLASSES_SHOULD_DESERIALIZE_WITH_OBJECT_INPUT_STREAM.getDescription()).contains("CWE-502");
        }

        @Test
        @DisplayName("flag Runtime.exec and new ProcessBuilder (CWE-78)")
        void commands() {
            assertThat(violations(GovernanceRules.NO_CLASSES_SHOULD_EXECUTE_OPERATING_SYSTEM_COMMANDS)).containsExactly(
                    "Method <" + FIXTURES + ".exec.Deployer.restart(java.lang.String)> calls method"
                            + " <java.lang.Runtime.exec([Ljava.lang.String;)> in (Deployer.java:9)",
                    "Method <" + FIXTURES + ".exec.Shell.archive(java.lang.String)> calls constructor"
                            + " <java.lang.ProcessBuilder.<init>([Ljava.lang.String;)> in (Shell.java:13)",
                    "Method <" + FIXTURES + ".exec.Shell.list(java.lang.String)> calls method"
                            + " <java.lang.Runtime.exec(java.lang.String)> in (Shell.java:9)");
            assertThat(GovernanceRules.NO_CLASSES_SHOULD_EXECUTE_OPERATING_SYSTEM_COMMANDS.getDescription()).contains("CWE-78");
        }

        @Test
        @DisplayName("combine into one gate that reports every violation")
        void securityGates() {
            assertThat(violations(GovernanceRules.SECURITY_GATES)).hasSize(2 + 4 + 2 + 4 + 1 + 3);
        }
    }

    @Nested
    @DisplayName("in a team's own test suite")
    class InATestSuite {

        @Test
        @DisplayName("fail the test that checks code with a violation, naming the rule, its CWE and the line, and pass the clean one")
        void failAndPassTests() {
            EngineExecutionResults results = FixtureRuns.inParallel(SecurityGatesTestCase.class);

            results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
            Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                    .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
            assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContainingAll(
                    "Architecture Violation [Priority: MEDIUM] - Rule 'no classes should use MD5 or SHA-1 message digests,"
                            + " because MD5 and SHA-1 collisions can be computed",
                    "(CWE-327: use of a broken or risky cryptographic algorithm; CWE-328: use of weak hash)",
                    "was violated (2 times):",
                    "calls MessageDigest.getInstance(\"MD5\") in (ChecksumService.java:11)");
        }
    }

    static class SecurityGatesTestCase {
        @Test
        void legacyChecksums() {
            GovernanceRules.SECURITY_GATES.check(new ClassFileImporter()
                    .importClasses(dev.complianceharness.governance.fixtures.weak.ChecksumService.class));
        }

        @Test
        void adapters() {
            GovernanceRules.SECURITY_GATES.check(new ClassFileImporter()
                    .importClasses(dev.complianceharness.governance.fixtures.clients.adapters.ReportUploadAdapter.class));
        }
    }

    @Nested
    @DisplayName("with FreezingArchRule")
    class Freezing {

        @Test
        @DisplayName("accept the frozen violations of legacy code and fail on a new one")
        void baseline() {
            InMemoryViolationStore store = new InMemoryViolationStore();
            ArchRule frozen = FreezingArchRule.freeze(GovernanceRules.NO_CLASSES_SHOULD_EXECUTE_OPERATING_SYSTEM_COMMANDS)
                    .persistIn(store);
            JavaClasses legacy = new ClassFileImporter().importClasses(Shell.class);
            JavaClasses changed = new ClassFileImporter().importClasses(Shell.class, Deployer.class);

            frozen.check(legacy);
            frozen.check(legacy);

            assertThat(store.violations.values()).singleElement().satisfies(lines -> assertThat(lines).hasSize(2));
            assertThat(frozen.evaluate(changed).getFailureReport().getDetails()).containsExactly(
                    "Method <" + FIXTURES + ".exec.Deployer.restart(java.lang.String)> calls method"
                            + " <java.lang.Runtime.exec([Ljava.lang.String;)> in (Deployer.java:9)");
        }
    }

    /** A violation store in memory, as a test needs it; projects use ArchUnit's text store in archunit_store. */
    static final class InMemoryViolationStore implements ViolationStore {
        final Map<String, List<String>> violations = new ConcurrentHashMap<>();

        @Override
        public void initialize(Properties properties) {
        }

        @Override
        public boolean contains(ArchRule rule) {
            return violations.containsKey(rule.getDescription());
        }

        @Override
        public void save(ArchRule rule, List<String> lines) {
            violations.put(rule.getDescription(), List.copyOf(lines));
        }

        @Override
        public List<String> getViolations(ArchRule rule) {
            return violations.getOrDefault(rule.getDescription(), List.of());
        }
    }
}
