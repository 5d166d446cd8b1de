package dev.complianceharness.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.audit.internal.ClassFileScreen;
import dev.complianceharness.mask.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The audit's command line (built on picocli):
 *
 * <pre>
 * java -jar harness-audit-VERSION-cli.jar [--format=text|json|html] [--output=FILE] [--top=N] [--codeowners=FILE]
 *     [--governance] [--max-class-size=SIZE] JAR_OR_CLASS_DIRECTORY...
 * java -jar harness-audit-VERSION-cli.jar --help
 * </pre>
 *
 * <p>or, without building the jar, from a checkout of this project:
 *
 * <pre>
 * mvn -q -pl harness-audit exec:java -Dexec.mainClass=dev.complianceharness.audit.AuditCommand -Dexec.args="target/classes"
 * </pre>
 *
 * <p>Options take their value after a space or an equals sign ({@code --top 5}, {@code --top=5}). Prints the
 * summary, the warnings and the triage list (text), or writes JSON or a self-contained HTML page; with
 * {@code --governance} every format also holds the governance rules' violations. Exits with 0 when the audit
 * ran, 2 on a usage error (which it explains).
 */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = AuditCommand.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Classifies every class of the given jars and class directories by the evidence its bytecode shows"
                + " (personal data, card data, money, payment and messaging SDKs, third-party clients, logging) and lists"
                + " the classes to review first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the audit ran (warnings, if any, are in the report)", "2:a usage error, explained on standard error"})
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class AuditCommand implements Callable<Integer> {

    /** What to write. */
    enum Format { TEXT, JSON, HTML }

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "what to write: text, json or html (default: ${DEFAULT-VALUE})")
    private Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "where to write it (default: standard output)")
    private Path output;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "how many classes the triage list shows (default: ${DEFAULT-VALUE})")
    private int top;

    @Option(names = "--codeowners", paramLabel = "FILE", description = "take owners from a CODEOWNERS file")
    private Path codeOwners;

    @Option(names = "--governance", description = "also check the governance rules: violations per rule, in every format")
    private boolean governance;

    @Option(names = "--max-class-size", paramLabel = "SIZE", defaultValue = "8M",
            description = "the largest class file to read once decompressed, in bytes or with K or M (default: ${DEFAULT-VALUE});"
                    + " larger entries are skipped and named as warnings")
    private String maxClassSize;

    @Parameters(paramLabel = "JAR_OR_CLASS_DIRECTORY", arity = "1..*", description = "the jars and class directories to audit")
    private List<Path> locations;

    private PrintStream out;
    private PrintStream err;

    private AuditCommand() {
    }

    /**
     * Runs the audit and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int status = run(List.of(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the audit.
     *
     * @param args the command line
     * @param out  where the report, the help and the version go unless {@code --output} names a file
     * @param err  where usage errors and the output file's path go
     * @return 0 when the audit ran (or the help or version was asked for), 2 on a usage error
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        AuditCommand command = new AuditCommand();
        command.out = out;
        command.err = err;
        CommandLine commandLine = new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        return commandLine.execute(args.toArray(String[]::new));
    }

    @Override
    public Integer call() throws IOException {
        if (top < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top is " + top + ": use 0 or more");
        }
        long maxClassFileSize = size(maxClassSize);
        AuditReport report;
        try {
            CodebaseAudit audit = CodebaseAudit.of(locations).withMaxClassFileSize(maxClassFileSize);
            audit = codeOwners == null ? audit : audit.withCodeOwners(codeOwners);
            report = (governance ? audit.withGovernanceRules() : audit).run();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Redaction.redact(e.getMessage()), e);
        }
        String rendered = switch (format) {
            case JSON -> report.toJson(top);
            case HTML -> report.toHtml(top);
            case TEXT -> report.toText(top);
        };
        if (output == null) {
            out.print(rendered);
            out.flush();
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, rendered, StandardCharsets.UTF_8);
            err.println("[compliance-harness] Audit of " + report.classes().size() + " classes written to " + output.toAbsolutePath()
                    + (report.warnings().isEmpty() ? "" : " (" + report.warnings().size()
                    + (report.warnings().size() == 1 ? " warning" : " warnings") + ": see the report)"));
        }
        return 0;
    }

    private long size(String text) {
        String trimmed = text.strip().toUpperCase(Locale.ROOT);
        long unit = trimmed.endsWith("M") ? 1024L * 1024 : trimmed.endsWith("K") ? 1024L : 1L;
        String digits = unit == 1 ? trimmed : trimmed.substring(0, trimmed.length() - 1);
        try {
            long bytes = Long.parseLong(digits) * unit;
            if (bytes < 1024) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--max-class-size is " + text + ": use at least 1K");
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-class-size is '" + text + "': use a number of bytes, or one with K or M such as 8M", e);
        }
    }

    /** The version: this artifact's, and the ArchUnit and Java it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties versions = new Properties();
            try (InputStream in = AuditCommand.class.getResourceAsStream("internal/version.properties")) {
                if (in != null) {
                    versions.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {
                "compliance-harness audit " + versions.getProperty("version", "(unknown version)"),
                "ArchUnit " + versions.getProperty("archunit", "(unknown)") + ", Java " + Runtime.version()
                        + ", class files up to " + ClassFileScreen.DEFAULT_MAX_CLASS_FILE_SIZE / (1024 * 1024) + " MiB by default"};
        }
    }
}
