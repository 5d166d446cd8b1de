package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.InvariantResult;
import dev.complianceharness.report.HtmlFragment;
import dev.complianceharness.report.HtmlPage.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the report shows of a test that did not pass: each invariant that failed in it with its violations, where every
 * text appears once. A violation's evidence that repeats its message is left out, and a line of output that several
 * findings quote (a log line leaking two values, found by two invariants) is shown once, in a numbered list the
 * findings refer to.
 */
final class FailureLines {

    /**
     * A finding that quotes a line of captured output, in the form {@code PiiLeak#describeMasked()} writes it:
     * {@code customer #1.email, as planted, logged by app.Desk (LOGBACK INFO, thread main): "..."}.
     */
    private static final Pattern QUOTED_OUTPUT = Pattern.compile("(?s)(?<finding>.+?), logged by (?<where>.+?): \"(?<line>.*)\"");

    /**
     * A finding split into what was found and the line of output it was found in.
     *
     * @param finding what was found, such as {@code customer #1.email, as planted}
     * @param where   who wrote the line, such as {@code app.Desk (LOGBACK INFO, thread main)}
     * @param line    the line, masked
     */
    record QuotedOutput(String finding, String where, String line) {

        static Optional<QuotedOutput> parse(String text) {
            Matcher matcher = QUOTED_OUTPUT.matcher(text);
            return matcher.matches() ? Optional.of(new QuotedOutput(matcher.group("finding"), matcher.group("where"),
                    matcher.group("line"))) : Optional.empty();
        }
    }

    private FailureLines() {
    }

    /**
     * @param test the test
     * @return what failed in it, every text once
     */
    static HtmlFragment of(TestResult test) {
        Map<String, String> shownUnder = new LinkedHashMap<>();
        Map<String, Integer> lineNumbers = new LinkedHashMap<>();
        List<QuotedOutput> lines = new ArrayList<>();
        HtmlFragment fragment = HtmlFragment.empty();
        for (InvariantOutcome outcome : test.invariants()) {
            if (outcome.passed()) {
                continue;
            }
            HtmlFragment header = HtmlFragment.empty().link("#" + outcome.invariant().id(),
                            HtmlFragment.ofCode(outcome.invariant().id())).verbatim(" ").tier(outcome.invariant().tier())
                    .verbatim(" ").status(outcome.status() == InvariantResult.Status.ERRORED ? Status.ERRORED : Status.FAILED);
            List<HtmlFragment> items = new ArrayList<>();
            for (InvariantOutcome.ViolationText violation : outcome.violations()) {
                String firstShownUnder = shownUnder.putIfAbsent(violation.message(), outcome.invariant().id());
                if (firstShownUnder != null) {
                    items.add(HtmlFragment.ofVerbatim("the same finding as under ").code(firstShownUnder));
                    continue;
                }
                HtmlFragment item = HtmlFragment.empty().append(finding(violation.message(), lineNumbers, lines));
                for (String evidence : violation.evidence()) {
                    if (shownUnder.putIfAbsent(evidence, outcome.invariant().id()) == null) {
                        item.lineBreak().small(finding(evidence, lineNumbers, lines));
                    }
                }
                items.add(item);
            }
            outcome.error().ifPresent(error -> items.add(HtmlFragment.empty().strong("errored: ").text(error)));
            fragment.paragraph(header).list(items);
        }
        if (!lines.isEmpty()) {
            List<HtmlFragment> quoted = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                quoted.add(HtmlFragment.ofVerbatim("line " + (i + 1) + ", logged by ").text(lines.get(i).where())
                        .outputLine(lines.get(i).line()));
            }
            fragment.paragraph(HtmlFragment.ofVerbatim("Output the findings quote, each line once:")).list(quoted);
        }
        for (PropertyOutcome property : test.properties()) {
            if (!property.passed()) {
                fragment.paragraph(HtmlFragment.empty().strong("property ").text(property.property()).verbatim(" failed (seed "
                        + property.seed() + "): ").text(property.failureSummary().orElse("no summary")));
            }
        }
        if (!test.failedByAnInvariant() && !test.failedByAProperty()) {
            fragment.paragraph(HtmlFragment.of(test.failure().orElse(test.status() == TestResult.Status.UNFINISHED
                    ? "JUnit never reported the end of this test" : "no message")));
        }
        return fragment;
    }

    /** A finding's text, with a quoted line of output replaced by a reference to the numbered line. */
    private static HtmlFragment finding(String text, Map<String, Integer> lineNumbers, List<QuotedOutput> lines) {
        Optional<QuotedOutput> quoted = QuotedOutput.parse(text);
        if (quoted.isEmpty()) {
            return HtmlFragment.of(text);
        }
        QuotedOutput output = quoted.get();
        String key = output.where() + "\n" + output.line();
        Integer number = lineNumbers.get(key);
        if (number == null) {
            lines.add(output);
            number = lines.size();
            lineNumbers.put(key, number);
        }
        return HtmlFragment.of(output.finding()).verbatim(" \u2192 line " + number);
    }
}
