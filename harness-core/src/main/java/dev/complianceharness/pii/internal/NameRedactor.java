package dev.complianceharness.pii.internal;

import dev.complianceharness.pii.Canary;
import dev.complianceharness.mask.PiiKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the parts of planted names in text the harness prints: every first name and surname of a name canary,
 * with and without diacritics, as whole words in any case, down to its initial. A detector cannot recognise a
 * name, so a line shown for another leak (a card number) would otherwise print the planted name in clear.
 */
public final class NameRedactor {

    private static final NameRedactor NONE = new NameRedactor(null);
    private static final int SHORTEST_PART = 3;

    private final Pattern parts;

    private NameRedactor(Pattern parts) {
        this.parts = parts;
    }

    /**
     * @param canaries the planted values; only names are used
     * @return a redactor of their parts
     */
    public static NameRedactor of(List<Canary> canaries) {
        Set<String> words = new LinkedHashSet<>();
        for (Canary canary : canaries) {
            if (canary.kind() != PiiKind.NAME) {
                continue;
            }
            for (String form : List.of(canary.value(), CanarySearch.foldDiacritics(canary.value()))) {
                for (String part : form.split("[\\s'’-]+")) {
                    if (part.codePointCount(0, part.length()) >= SHORTEST_PART) {
                        words.add(part);
                    }
                }
            }
        }
        if (words.isEmpty()) {
            return NONE;
        }
        List<String> longestFirst = new ArrayList<>(words);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternation = new StringBuilder();
        for (String word : longestFirst) {
            alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(word));
        }
        return new NameRedactor(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /**
     * @param text text to print
     * @return the text with every planted name part shown as its initial and stars
     */
    public String redact(String text) {
        if (parts == null || text == null || text.isEmpty()) {
            return text;
        }
        Matcher matcher = parts.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String word = matcher.group();
            int first = word.offsetByCodePoints(0, 1);
            matcher.appendReplacement(out, Matcher.quoteReplacement(word.substring(0, first) + "*".repeat(word.length() - first)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
