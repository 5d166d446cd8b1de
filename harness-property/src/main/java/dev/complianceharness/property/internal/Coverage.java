package dev.complianceharness.property.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Checks coverage requirements against the labels a run saw, and renders label distributions. */
final class Coverage {

    private Coverage() {
    }

    static Optional<String> check(List<Settings.Coverage> required, Map<String, Long> labels, int tries) {
        List<String> problems = new ArrayList<>();
        for (Settings.Coverage coverage : required) {
            long seen = labels.getOrDefault(coverage.label(), 0L);
            double percent = tries == 0 ? 0 : 100.0 * seen / tries;
            if (percent < coverage.minimumPercent()) {
                problems.add(String.format(Locale.ROOT, "  coverage: label '%s' was seen in %s of tries (%d of %d),"
                                + " less than the required %s", coverage.label(), percent(percent), seen, tries,
                        percent(coverage.minimumPercent())));
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems));
    }

    static String distribution(Map<String, Long> labels, int tries) {
        if (labels.isEmpty()) {
            return "(none)";
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(labels.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> entry : entries) {
            parts.add(entry.getKey() + " " + percent(tries == 0 ? 0 : 100.0 * entry.getValue() / tries));
        }
        return String.join(", ", parts);
    }

    private static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f %%", percent);
    }
}
