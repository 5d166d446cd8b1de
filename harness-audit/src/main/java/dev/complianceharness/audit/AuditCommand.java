package dev.complianceharness.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.complianceharness.governance.GovernanceRules;
import dev.complianceharness.liability.ClassImports;
import dev.complianceharness.mask.Redaction;

/**
 * The audit's command line:
 *
 * <pre>
 * java -jar harness-audit.jar [--format text|json|html] [--output FILE] [--top N] [--codeowners FILE] JAR_OR_DIR...
 * </pre>
 *
 * <p>or, without building the jar, from a checkout of this project:
 *
 * <pre>
 * mvn -q -pl harness-core exec:java -Dexec.mainClass=dev.complianceharness.audit.AuditCommand -Dexec.args="target/classes"
 * </pre>
 *
 * <p>Prints the summary and the triage list (text), or writes JSON or a self-contained HTML page. Exits
 * with 0 when the audit ran, 2 on a usage error (which it explains).
 */
public final class AuditCommand {

    /** The usage text. */
    public static final String USAGE = """
            Usage: audit [options] JAR_OR_CLASS_DIRECTORY...
              --format text|json|html  what to write (default: text)
              --output FILE            where to write it (default: standard output)
              --top N                  how many classes the triage list shows (default: 20)
              --codeowners FILE        take owners from a CODEOWNERS file
              --governance             also check the governance rules (text only): violations per rule
              --help                   print this text
            """;

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
     * @param out  where the report goes unless {@code --output} names a file
     * @param err  where errors and the output file's path go
     * @return 0 when the audit ran, 2 on a usage error
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String format = "text";
        Path output = null;
        int top = 20;
        Path codeOwners = null;
        boolean governance = false;
        List<Path> locations = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--format" -> {
                        format = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                        if (!List.of("text", "json", "html").contains(format)) {
                            throw new IllegalArgumentException("--format is '" + format + "': use text, json or html");
                        }
                    }
                    case "--output" -> output = Path.of(value(args, ++i, arg));
                    case "--codeowners" -> codeOwners = Path.of(value(args, ++i, arg));
                    case "--governance" -> governance = true;
                    case "--top" -> top = topValue(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("Unknown option " + arg);
                        }
                        locations.add(Path.of(arg));
                    }
                }
            }
            if (locations.isEmpty()) {
                throw new IllegalArgumentException("Name at least one jar or class directory to audit");
            }
            CodebaseAudit audit = CodebaseAudit.of(locations);
            AuditReport report = (codeOwners == null ? audit : audit.withCodeOwners(codeOwners)).run();
            String rendered = switch (format) {
                case "json" -> report.toJson(top);
                case "html" -> report.toHtml(top);
                default -> report.toText(top) + (governance ? governance(locations) : "");
            };
            if (output == null) {
                out.print(rendered);
            } else {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, rendered, StandardCharsets.UTF_8);
                err.println("[compliance-harness] Audit of " + report.classes().size() + " classes written to "
                        + output.toAbsolutePath());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(Redaction.redact("audit: " + e.getMessage()));
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String governance(List<Path> locations) {
        JavaClasses classes = ClassImports.locations(locations);
        StringBuilder text = new StringBuilder("\nGovernance rules:\n");
        for (Map.Entry<String, ArchRule> rule : GOVERNANCE_RULES.entrySet()) {
            List<String> violations = rule.getValue().evaluate(classes).getFailureReport().getDetails();
            text.append(String.format(Locale.ROOT, "  %-70s %5d violations%n", rule.getKey(), violations.size()));
            violations.stream().limit(3).forEach(line -> text.append("      ").append(Redaction.redact(line)).append('\n'));
            if (violations.size() > 3) {
                text.append("      ... ").append(violations.size() - 3).append(" more\n");
            }
        }
        return text.toString();
    }

    private static final Map<String, ArchRule> GOVERNANCE_RULES = governanceRules();

    private static Map<String, ArchRule> governanceRules() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("CLASSES_IN_LIABILITY_ZONES_SHOULD_HAVE_AN_OWNER", GovernanceRules.CLASSES_IN_LIABILITY_ZONES_SHOULD_HAVE_AN_OWNER);
        rules.put("THIRD_PARTY_CLIENTS_SHOULD_ONLY_BE_USED_FROM_ADAPTER_PACKAGES",
                GovernanceRules.THIRD_PARTY_CLIENTS_SHOULD_ONLY_BE_USED_FROM_ADAPTER_PACKAGES);
        rules.put("NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS (CWE-327/328)", GovernanceRules.NO_CLASSES_SHOULD_USE_WEAK_MESSAGE_DIGESTS);
        rules.put("NO_CLASSES_SHOULD_USE_JAVA_UTIL_RANDOM_IN_SECURITY_CODE (CWE-330/338)",
                GovernanceRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_RANDOM_IN_SECURITY_CODE);
        rules.put("NO_CLASSES_SHOULD_TRUST_ALL_CERTIFICATES_OR_HOST_NAMES (CWE-295)",
                GovernanceRules.NO_CLASSES_SHOULD_TRUST_ALL_CERTIFICATES_OR_HOST_NAMES);
        rules.put("NO_CLASSES_SHOULD_DESERIALIZE_WITH_OBJECT_INPUT_STREAM (CWE-502)",
                GovernanceRules.NO_CLASSES_SHOULD_DESERIALIZE_WITH_OBJECT_INPUT_STREAM);
        rules.put("NO_CLASSES_SHOULD_EXECUTE_OPERATING_SYSTEM_COMMANDS (CWE-78)",
                GovernanceRules.NO_CLASSES_SHOULD_EXECUTE_OPERATING_SYSTEM_COMMANDS);
        return rules;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int topValue(String text) {
        try {
            int top = Integer.parseInt(text);
            if (top < 0) {
                throw new IllegalArgumentException("--top is " + text + ": use 0 or more");
            }
            return top;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--top is '" + text + "': use a whole number such as 20", e);
        }
    }
}
