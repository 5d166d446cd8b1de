package dev.complianceharness.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every {@code <pre>{@code ...}</pre>} example in harness-sms's Javadoc compiles. Each example is compiled as the
 * body of a method (or, when it declares a class or method, as a member) of a class that offers what examples may
 * refer to without declaring it: a {@code quietHours}, {@code recipient}, {@code now}, {@code outbox}, {@code clock}
 * and {@code log}, and stand-ins for a team's {@code CampaignScheduler} and {@code SmsSender}.
 */
@DisplayName("The Javadoc examples of harness-sms")
class JavadocExamplesTest {

    private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\*\\s*\\}</pre>", Pattern.DOTALL);
    private static final Pattern MEMBER = Pattern.compile("\\A(\\s*@\\w+(\\([^)]*\\))?\\s*)*"
            + "((public|protected|private|static|final|abstract)\\s+)*(class|record|interface|enum|[\\w<>\\[\\], ]+\\s+\\w+\\s*\\()");
    private static final String IMPORTS = """
            import dev.complianceharness.event.*;
            import dev.complianceharness.invariant.*;
            import dev.complianceharness.junit.*;
            import dev.complianceharness.property.*;
            import dev.complianceharness.sms.*;
            import dev.complianceharness.sms.assertions.*;
            import dev.complianceharness.sms.decision.*;
            import dev.complianceharness.sms.generators.*;
            import dev.complianceharness.sms.invariants.*;
            import dev.complianceharness.sms.outbox.*;
            import dev.complianceharness.sms.properties.*;
            import dev.complianceharness.sms.recipient.*;
            import dev.complianceharness.sms.rules.*;
            import java.time.*;
            import java.util.*;
            import java.util.stream.*;
            import org.junit.jupiter.api.*;
            import static org.assertj.core.api.Assertions.*;
            """;
    private static final String CONTEXT = """
            package examples;
            %s
            abstract class ExampleContext {
                interface Log { void info(String message); }
                record OutboundSms(String to, String text) { }
                interface SmsSender { void send(OutboundSms sms); }
                static class CampaignScheduler {
                    CampaignScheduler(SmsSender sender, Clock clock) { }
                    Optional<Instant> trigger(String phoneNumber, String text) { return Optional.empty(); }
                    int dispatchDue() { return 0; }
                }
                QuietHours quietHours;
                Recipient recipient;
                Instant now;
                SmsOutbox outbox;
                TestClock clock;
                Log log;
                void scheduleAt(Instant at) { }
            }
            """.formatted(IMPORTS);

    @Test
    @DisplayName("all compile, against the current API")
    void compile() throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        sources.add(source("examples/ExampleContext.java", CONTEXT));
        List<String> origins = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                Matcher matcher = EXAMPLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    String code = matcher.group(1).lines().map(line -> line.replaceFirst("^\\s*\\* ?", ""))
                            .reduce("", (a, b) -> a + b + "\n");
                    String name = "Example" + origins.size();
                    origins.add(file.getFileName() + " example " + name);
                    sources.add(source("examples/" + name + ".java", unit(name, code)));
                }
            }
        }
        assertThat(origins).as("examples found").hasSizeGreaterThan(15);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("javadoc-examples");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                    "-proc:none", "-Xlint:none");
            compiler.getTask(null, files, diagnostics, options, null, sources).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                String file = diagnostic.getSource() == null ? "?" : diagnostic.getSource().getName();
                String example = file.replaceAll(".*/(Example\\d+)\\.java$", "$1");
                String origin = origins.stream().filter(o -> o.endsWith(" " + example)).findFirst().orElse(file);
                errors.add(origin + " line " + diagnostic.getLineNumber() + ": " + diagnostic.getMessage(Locale.ROOT)
                        + "\n    " + lineOf(diagnostic));
            }
        }
        assertThat(errors).as("examples that do not compile").isEmpty();
    }

    private static String unit(String name, String code) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : code.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String text = body.toString();
        boolean member = MEMBER.matcher(text).find() && !text.strip().endsWith(";");
        return "package examples;\n" + IMPORTS + imports + "@SuppressWarnings(\"all\")\nclass " + name
                + " extends ExampleContext {\n" + (member ? text : "void example() throws Throwable {\n" + text + "}\n") + "}\n";
    }

    private static String lineOf(Diagnostic<? extends JavaFileObject> diagnostic) {
        try {
            String[] lines = diagnostic.getSource().getCharContent(true).toString().split("\n");
            long line = diagnostic.getLineNumber();
            return line >= 1 && line <= lines.length ? lines[(int) line - 1].strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static JavaFileObject source(String path, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }
}
