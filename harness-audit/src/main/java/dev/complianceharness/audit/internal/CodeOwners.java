package dev.complianceharness.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CODEOWNERS file (GitHub and GitLab syntax: one pattern and its owners per line, {@code #} comments,
 * the last matching line wins). A class is matched by its source path
 * {@code <package directories>/<TopLevelClass>.java}: a pattern's part up to {@code src/main/java/} is
 * dropped and the rest may match below any directory, so {@code /payments/src/main/java/com/acme/pay/},
 * {@code com/acme/pay/} and {@code *.java} all match {@code com.acme.pay.Refunds}; a pattern that names
 * only a module directory cannot be related to classes and matches none.
 */
public final class CodeOwners {

    private record Rule(String pattern, Pattern regex, List<String> owners, int line) {
    }

    /** Where package directories start in a repository path; what comes before is the module's directory. */
    private static final List<String> SOURCE_ROOTS = List.of("src/main/java/", "src/main/kotlin/", "src/main/scala/",
            "src/test/java/");

    private final List<Rule> rules;

    private CodeOwners(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @return a file with no rules */
    public static CodeOwners none() {
        return new CodeOwners(List.of());
    }

    /**
     * Reads a CODEOWNERS file.
     *
     * @param file the file
     * @return its rules
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException naming the line of a pattern it cannot use
     */
    public static CodeOwners read(Path file) throws IOException {
        List<Rule> rules = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("[") || line.startsWith("^[")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            List<String> owners = new ArrayList<>();
            for (int j = 1; j < parts.length && !parts[j].startsWith("#"); j++) {
                owners.add(parts[j]);
            }
            if (parts[0].contains("[") || parts[0].contains("\\")) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": the pattern '" + parts[0]
                        + "' uses brackets or escapes, which this reader does not support; list the paths instead");
            }
            rules.add(new Rule(parts[0], regex(parts[0]), owners, i + 1));
        }
        return new CodeOwners(rules);
    }

    /**
     * The owners of a class.
     *
     * @param className the class's fully qualified (binary) name
     * @return the owners joined by spaces; empty when no rule matches, or the last matching rule names nobody
     */
    public Optional<String> ownersOf(String className) {
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        String path = topLevel.replace('.', '/') + ".java";
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.regex().matcher(path).matches()) {
                return rule.owners().isEmpty() ? Optional.empty() : Optional.of(String.join(" ", rule.owners()));
            }
        }
        return Optional.empty();
    }

    /** @return how many rules the file has */
    public int size() {
        return rules.size();
    }

    private static Pattern regex(String pattern) {
        String body = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        for (String sourceRoot : SOURCE_ROOTS) {
            int root = body.indexOf(sourceRoot);
            if (root >= 0) {
                body = body.substring(root + sourceRoot.length());
                break;
            }
        }
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        StringBuilder regex = new StringBuilder("(?:.*/)?");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '*' && i + 1 < body.length() && body.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
                if (i + 1 < body.length() && body.charAt(i + 1) == '/') {
                    i++;
                    regex.append("/?");
                }
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        // a pattern names a file, or a directory and everything below it
        return Pattern.compile(regex.append("(?:/.*)?").toString());
    }
}
