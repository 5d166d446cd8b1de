package dev.complianceharness.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The audit's command line")
class AuditCommandTest {

    static final String FIXTURES = CodebaseAuditTest.FIXTURES;

    static Path governanceFixtures() {
        return CodebaseAuditTest.fixtures().resolveSibling("../governance/fixtures").normalize();
    }

    @Nested
    @DisplayName("explains itself")
    class Help {

        @Test
        @DisplayName("--help prints the usage with every option and the exit codes, and exits with 0")
        void help() {
            Output output = command("--help");

            assertThat(output.status).isZero();
            assertThat(output.out).startsWith("Usage: audit [-hV] [--governance] [--codeowners=FILE] [--format=FORMAT]")
                    .contains("JAR_OR_CLASS_DIRECTORY...", "--top=N", "--max-class-size=SIZE", "-V, --version",
                            "Exit codes:", "2   a usage error, explained on standard error");
            assertThat(output.err).isEmpty();
        }

        @Test
        @DisplayName("--version names the harness's, ArchUnit's and Java's versions")
        void version() {
            Output output = command("--version");

            assertThat(output.status).isZero();
            assertThat(output.out).matches("(?s)compliance-harness audit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"
                    + "ArchUnit 1\\.5\\.\\d+, Java .+, class files up to 8 MiB by default\n");
        }
    }

    @Test
    @DisplayName("prints nothing of SLF4J's on standard error when run as a program (ArchUnit logs through SLF4J)")
    void noLoggingNoise() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AuditCommand.class.getName(), "--top=0", CodebaseAuditTest.fixtures().toString()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(out).startsWith("Audit of ");
        assertThat(err).isEmpty();
    }

    @Nested
    @DisplayName("reads its options")
    class Options {

        @Test
        @DisplayName("takes a value after a space or an equals sign: --top 2 and --top=2 give the same list")
        void bothForms() {
            Output spaced = command(CodebaseAuditTest.fixtures().toString(), "--top", "2");
            Output joined = command("--top=2", CodebaseAuditTest.fixtures().toString());

            assertThat(spaced.status).isZero();
            assertThat(spaced.out).contains("Review these 2 classes first:\n  1. REGULATORY   score  14  " + FIXTURES
                    + ".Customer  (owner: none)\n       personal data: field dateOfBirth, field email, field phoneNumber\n");
            assertThat(withoutTimes(joined.out)).isEqualTo(withoutTimes(spaced.out));
        }

        @Test
        @DisplayName("explains a usage error and exits with 2")
        void usageErrors() {
            assertThat(command()).satisfies(output -> {
                assertThat(output.status).isEqualTo(2);
                assertThat(output.err).startsWith("Missing required parameter: 'JAR_OR_CLASS_DIRECTORY'\nUsage: audit");
            });
            assertThat(command("--top", "many", "x").err).startsWith("Invalid value for option '--top': 'many' is not an int\n");
            assertThat(command("--top=-1", "x").err).startsWith("--top is -1: use 0 or more\n");
            assertThat(command("--format", "pdf", "x").err)
                    .startsWith("Invalid value for option '--format': expected one of [TEXT, JSON, HTML] (case-insensitive) but was 'pdf'\n");
            assertThat(command("--verbose", "x").err).startsWith("Unknown option: '--verbose'\n");
            assertThat(command("x", "--output").err).startsWith("Missing required parameter for option '--output' (FILE)\n");
            assertThat(command("--max-class-size=lots", "x").err)
                    .startsWith("--max-class-size is 'lots': use a number of bytes, or one with K or M such as 8M\n");
            assertThat(command("no/such/dir")).satisfies(output -> {
                assertThat(output.status).isEqualTo(2);
                assertThat(output.err).contains("no/such/dir: no such jar or class directory\n");
            });
        }
    }

    @Nested
    @DisplayName("with --governance")
    class Governance {

        @Test
        @DisplayName("lists the violations per rule in text")
        void text() {
            Output output = command("--governance", "--top", "0", governanceFixtures().toString());

            assertThat(output.out).contains("\nGovernance rules:\n")
                    .contains(String.format("  %-70s %5d violations%n", "NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS (CWE-327, CWE-328)", 6))
                    .contains(String.format("  %-70s %5d violations%n", "NO_CLASSES_SHOULD_EXECUTE_OPERATING_SYSTEM_COMMANDS (CWE-78)", 3))
                    .contains("calls MessageDigest.getInstance(\"MD5\") in (ChecksumService.java:11)")
                    .contains("      ... 3 more (all of them in --format json or html)\n");
        }

        @Test
        @DisplayName("puts every violation into the JSON and the HTML report too")
        void jsonAndHtml(@TempDir Path directory) throws IOException {
            Path json = directory.resolve("audit.json");
            Path html = directory.resolve("out/audit.html");

            assertThat(command("--governance", "--format=json", "--output=" + json, governanceFixtures().toString()).status).isZero();
            assertThat(command("--governance", "--format", "HTML", "--output", html.toString(), governanceFixtures().toString()).status)
                    .isZero();

            assertThat(Files.readString(json)).contains("\"governance\": [", "\"rule\": \"NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS\",\n"
                            + "      \"weaknesses\": [\n        \"CWE-327\",\n        \"CWE-328\"\n      ],\n      \"violationCount\": 6,",
                    "calls Hashes.digest(\\\"MD5\\\"), which passes it to MessageDigest.getInstance through Hashes.lookup in"
                            + " (Fingerprints.java:22)");
            assertThat(Files.readString(html)).contains("<section id=\"governance\">\n<h2>Governance rules</h2>",
                    "<code>NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS (CWE-327, CWE-328)</code>", "6 violations",
                    "calls Hashes.digest(&quot;MD5&quot;), which passes it to MessageDigest.getInstance")
                    .doesNotContain("<script src", "src=", "http://", "https://");
        }

        @Test
        @DisplayName("leaves governance out of the reports when not asked")
        void notAsked() {
            assertThat(command("--format=json", governanceFixtures().toString()).out).doesNotContain("\"governance\"");
        }
    }

    @Nested
    @DisplayName("on hostile jars")
    class HostileJars {

        @Test
        @DisplayName("skips a class entry that inflates past the limit, names it in a warning, and audits the rest")
        void decompressionBomb(@TempDir Path directory) throws IOException {
            Path bomb = directory.resolve("bomb.jar");
            long compressed = writeBomb(bomb, 200L * 1024 * 1024);

            Output output = command("--top", "1", bomb.toString());

            assertThat(compressed).isLessThan(260 * 1024);
            assertThat(output.status).isZero();
            assertThat(output.out).contains(": 1 classes in ").contains("1 warning: the audit could not look at everything:\n"
                    + "  warning: bomb.jar!/com/acme/Bomb.class inflates to more than the limit of 8 MiB for one class file"
                    + " from " + Math.round(compressed / 1024.0) + " KiB compressed: a decompression bomb or generated code; check it"
                    + " by hand, or raise --max-class-size\n");
        }

        @Test
        @DisplayName("reads a 200 MB decompression bomb with bounded memory (ArchUnit alone would read it whole)")
        void boundedMemory(@TempDir Path directory) throws IOException {
            Path bomb = directory.resolve("bomb.jar");
            writeBomb(bomb, 200L * 1024 * 1024);
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();

            AuditReport report = CodebaseAudit.of(bomb).run();

            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(report.warnings()).singleElement().asString().contains("Bomb.class inflates to more than the limit");
            // the limit is 8 MiB per class file; ArchUnit's own import of the same jar allocates more than 600 MB
            assertThat(allocated).as("bytes allocated while auditing the bomb").isLessThan(64L * 1024 * 1024);
        }

        @Test
        @DisplayName("warns about entries that are not class files, damaged or too new, duplicates and archives inside the jar")
        void unreadableEntries(@TempDir Path directory) throws IOException {
            Path jar = directory.resolve("app.jar");
            byte[] customer = Files.readAllBytes(CodebaseAuditTest.fixtures().resolve("Customer.class"));
            byte[] tooNew = customer.clone();
            tooNew[6] = 0;
            tooNew[7] = 99;
            writeJar(jar, Map.of(
                    "dev/complianceharness/audit/fixtures/Customer.class", customer,
                    "com/acme/Notes.class", "these are notes, not a class".getBytes(StandardCharsets.UTF_8),
                    "com/acme/Truncated.class", java.util.Arrays.copyOf(customer, 40),
                    "com/acme/Future.class", tooNew,
                    "BOOT-INF/lib/library.jar", new byte[] {'P', 'K', 3, 4}));
            Path copy = directory.resolve("copy.jar");
            writeJar(copy, Map.of("dev/complianceharness/audit/fixtures/Customer.class", customer));

            AuditReport report = CodebaseAudit.of(jar, copy).run();

            assertThat(report.classes()).extracting(ClassAssessment::className).containsExactly(FIXTURES + ".Customer");
            assertThat(report.warnings()).containsExactlyInAnyOrder(
                    "app.jar!/com/acme/Notes.class is not a class file (it does not start with 0xCAFEBABE)",
                    "app.jar!/com/acme/Truncated.class cannot be read as a class file (java.lang.ArrayIndexOutOfBoundsException:"
                            + " Index 42 out of bounds for length 40)",
                    "app.jar!/com/acme/Future.class cannot be read as a class file (java.lang.IllegalArgumentException:"
                            + " Unsupported class file major version 99)",
                    "app.jar holds 1 archive (BOOT-INF/lib/library.jar) that the audit does not open: audit them on their own",
                    "copy.jar!/dev/complianceharness/audit/fixtures/Customer.class holds " + FIXTURES + ".Customer again, which"
                            + " was audited from another location: this copy was not audited");
            assertThat(report.toJson(0)).contains("\"warnings\": [");
            assertThat(report.toHtml(0)).contains("<section id=\"warnings\">\n<h2>5 warnings: the audit could not"
                    + " look at everything</h2>");
        }
    }

    /** A jar with one class entry of zeros that deflates about a thousandfold. */
    static long writeBomb(Path jar, long inflatedSize) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("com/acme/Bomb.class"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < inflatedSize; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("dev/complianceharness/audit/fixtures/Customer.class"));
            zip.write(Files.readAllBytes(CodebaseAuditTest.fixtures().resolve("Customer.class")));
            zip.closeEntry();
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.getEntry("com/acme/Bomb.class").getCompressedSize();
        }
    }

    static void writeJar(Path jar, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }

    static String withoutTimes(String text) {
        return text.replaceFirst("classes in .*\\)\n", "classes in (times)\n");
    }

    record Output(int status, String out, String err) {
    }

    static Output command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AuditCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
