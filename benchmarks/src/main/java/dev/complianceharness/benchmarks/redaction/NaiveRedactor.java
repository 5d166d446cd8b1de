package dev.complianceharness.benchmarks.redaction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a competent team writes without a redaction boundary: a list of the personal values it knows, each in the
 * forms it thinks of (as given, lower- and upper-cased, URL-encoded, Base64, digits only), replaced one after the
 * other with {@code String.replace}; then one compiled e-mail pattern and one pattern for runs of seven or more
 * digits, as the harness's first masker did.
 */
final class NaiveRedactor {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d[\\d \\-().]{5,}\\d");

    private final List<String> forms = new ArrayList<>();

    void know(String value) {
        String digits = value.replaceAll("\\D", "");
        for (String form : List.of(value, value.toLowerCase(Locale.ROOT), value.toUpperCase(Locale.ROOT),
                URLEncoder.encode(value, StandardCharsets.UTF_8),
                Base64.getEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)), digits)) {
            if (form.length() >= 6 && !forms.contains(form)) {
                forms.add(form);
            }
        }
    }

    String redact(String text) {
        String redacted = text;
        for (String form : forms) {
            redacted = redacted.replace(form, "[redacted]");
        }
        Matcher emails = EMAIL.matcher(redacted);
        redacted = emails.replaceAll("[email]");
        Matcher digits = DIGIT_RUN.matcher(redacted);
        StringBuilder out = new StringBuilder();
        while (digits.find()) {
            String run = digits.group();
            digits.appendReplacement(out, Matcher.quoteReplacement(run.replaceAll("\\d(?=(?:\\D*\\d){2})", "*")));
        }
        digits.appendTail(out);
        return out.toString();
    }
}
