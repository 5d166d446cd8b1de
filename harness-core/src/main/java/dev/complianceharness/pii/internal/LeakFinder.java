package dev.complianceharness.pii.internal;

import dev.complianceharness.mask.Masking;
import dev.complianceharness.pii.Canary;
import dev.complianceharness.pii.HashedForm;
import dev.complianceharness.pii.MaskedForms;
import dev.complianceharness.pii.PiiFinding;
import dev.complianceharness.pii.PiiLeak;
import dev.complianceharness.pii.PiiScanner;
import dev.complianceharness.pii.logs.Attribution;
import dev.complianceharness.pii.logs.LogEvent;
import dev.complianceharness.pii.logs.LogSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns captured events into leaks: planted canaries first, then what the detectors find. */
public final class LeakFinder {

    private static final int LINE_CONTEXT = 120;

    private final PiiScanner scanner;
    private final CanarySearch canaries;
    private final NameRedactor names;

    /**
     * @param scanner  the detectors to run, or null to search for canaries only
     * @param canaries the planted values
     * @param forms    the allowed partial masks
     */
    public LeakFinder(PiiScanner scanner, List<Canary> canaries, MaskedForms forms) {
        this(scanner, canaries, forms, Set.of());
    }

    /**
     * @param scanner  the detectors to run, or null to search for canaries only
     * @param canaries the planted values
     * @param forms    the allowed partial masks
     * @param hashes   the digests of normalised canary values that count as leaks too
     */
    public LeakFinder(PiiScanner scanner, List<Canary> canaries, MaskedForms forms, Set<HashedForm> hashes) {
        this.scanner = scanner;
        this.canaries = new CanarySearch(canaries, forms, hashes);
        this.names = NameRedactor.of(canaries);
    }

    /** What the search found. */
    public static final class Result {
        private final List<PiiLeak> leaks = new ArrayList<>();
        private int unattributedFindings;

        /** @return the leaks, each distinct leak once, in capture order */
        public List<PiiLeak> leaks() {
            return List.copyOf(leaks);
        }

        /** @return detector findings in events that could not be attributed to the test, and so were not counted */
        public int unattributedFindings() {
            return unattributedFindings;
        }
    }

    /**
     * @param events                events to search
     * @param patternsOnUnattributed whether detector findings in unattributed events count as leaks
     * @return the leaks
     */
    public Result find(List<LogEvent> events, boolean patternsOnUnattributed) {
        Result result = new Result();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < events.size(); index++) {
            LogEvent event = events.get(index);
            String message = event.message();
            Echo echo = echoOf(events, index);
            List<CanarySearch.Match> planted = canaries.find(message);
            List<PiiFinding> found = scanner == null ? List.of() : scanner.scan(message);
            boolean countPatterns = event.attribution() != Attribution.UNATTRIBUTED || patternsOnUnattributed;
            List<int[]> spans = new ArrayList<>();
            for (CanarySearch.Match match : planted) {
                spans.add(new int[] {match.start(), match.end()});
            }
            for (PiiFinding finding : found) {
                spans.add(new int[] {finding.start(), finding.end()});
            }
            for (CanarySearch.Match match : planted) {
                if (echo != null && echo.covers(match.start(), match.end())) {
                    continue;
                }
                add(result, seen, event, echo, match.canary().owner() + "." + match.canary().field(), match.transformation(),
                        true, message, spans, match.start(), match.end());
            }
            for (PiiFinding finding : found) {
                if (overlapsCanary(planted, finding) || (echo != null && echo.covers(finding.start(), finding.end()))) {
                    continue;
                }
                if (!countPatterns) {
                    result.unattributedFindings++;
                    continue;
                }
                add(result, seen, event, echo, "detector " + finding.detector().id() + " (confidence "
                        + String.format(Locale.ROOT, "%.2f", finding.confidence()) + ")", "found by pattern", false,
                        message, spans, finding.start(), finding.end());
            }
        }
        return result;
    }

    private static boolean overlapsCanary(List<CanarySearch.Match> planted, PiiFinding finding) {
        for (CanarySearch.Match match : planted) {
            if (finding.start() < match.end() && match.start() < finding.end()) {
                return true;
            }
        }
        return false;
    }

    private void add(Result result, Set<String> seen, LogEvent event, Echo echo, String what, String how,
                            boolean canary, String message, List<int[]> spans, int start, int end) {
        String masked = names.redact(maskedLine(message, spans, start, end));
        if (!seen.add(what + "|" + how + "|" + Masking.maskValue(message.substring(start, end)))) {
            return;
        }
        String logger = echo == null ? event.logger() : echo.event().logger() + " (console output of its appender)";
        String level = echo == null ? event.level() : echo.event().level();
        result.leaks.add(new PiiLeak(event.capturedAt(), what, how, canary, logger, event.source(), level,
                event.thread(), event.attribution(), masked));
    }

    /** How far apart, in captured events, a console line and the logging event it prints may be. */
    private static final int ECHO_WINDOW = 64;

    /**
     * A line on the standard streams that a console appender printed for a logging event the capture also holds:
     * the part of the line that repeats the event's message is reported under the event's real logger, not as
     * {@code System.out}; the rest of the line (the appender's layout: MDC values, a thread name) stays checked.
     *
     * @param event the logging event
     * @param start where the repeated message starts in the line
     * @param end   where it ends
     */
    private record Echo(LogEvent event, int start, int end) {
        boolean covers(int from, int to) {
            return start <= from && to <= end;
        }
    }

    private static Echo echoOf(List<LogEvent> events, int index) {
        LogEvent line = events.get(index);
        if (line.source() != LogSource.STDOUT && line.source() != LogSource.STDERR || line.message().isBlank()) {
            return null;
        }
        for (int distance = 1; distance <= ECHO_WINDOW; distance++) {
            for (int candidate : new int[] {index + distance, index - distance}) {
                if (candidate < 0 || candidate >= events.size()) {
                    continue;
                }
                LogEvent logged = events.get(candidate);
                if (logged.source() == LogSource.STDOUT || logged.source() == LogSource.STDERR
                        || !logged.thread().equals(line.thread())) {
                    continue;
                }
                Echo echo = repeated(line, logged);
                if (echo != null) {
                    return echo;
                }
            }
        }
        return null;
    }

    private static Echo repeated(LogEvent line, LogEvent logged) {
        String text = line.message();
        for (String part : logged.message().split("\\R", 200)) {
            String stripped = part.strip();
            if (stripped.length() < 8) {
                continue;
            }
            int at = text.indexOf(stripped);
            if (at >= 0) {
                return new Echo(logged, at, at + stripped.length());
            }
        }
        return null;
    }

    private static String maskSpan(String span) {
        String masked = Masking.mask(span);
        return masked.equals(span) ? Masking.maskValue(span) : masked;
    }

    /**
     * @param message the message
     * @param spans   every match in it
     * @param start   the match to show
     * @param end     its end
     * @return the line of the message holding the match, cut to the neighbourhood of the match, every span masked
     */
    public static String maskedLine(String message, List<int[]> spans, int start, int end) {
        int lineStart = message.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (lineStart > start) {
            lineStart = 0;
        }
        int lineEnd = message.indexOf('\n', end);
        if (lineEnd < 0) {
            lineEnd = message.length();
        }
        int from = Math.max(lineStart, start - LINE_CONTEXT);
        int to = Math.min(lineEnd, end + LINE_CONTEXT);
        StringBuilder masked = new StringBuilder();
        if (from > lineStart) {
            masked.append("...");
        }
        int position = from;
        List<int[]> ordered = new ArrayList<>(spans);
        ordered.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int[] span : ordered) {
            int spanStart = Math.max(span[0], position);
            int spanEnd = Math.min(span[1], to);
            if (spanEnd <= spanStart || spanStart >= to) {
                continue;
            }
            masked.append(message, position, spanStart).append(maskSpan(message.substring(spanStart, spanEnd)));
            position = spanEnd;
        }
        masked.append(message, position, Math.max(position, to));
        if (to < lineEnd) {
            masked.append("...");
        }
        return Masking.mask(masked.toString().replace('\r', ' ').replace('\t', ' '));
    }
}
