package dev.complianceharness.property.stateful;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.property.stateful.internal.Rendering;
import java.util.List;
import org.apiguardian.api.API;

/** A command sequence run one command after the other against a fresh system, and its outcome. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SequentialRun implements StatefulRun {

    private final List<Step> steps;
    private final Verdict verdict;

    SequentialRun(List<Step> steps, Verdict verdict) {
        this.steps = List.copyOf(steps);
        this.verdict = verdict;
    }

    /**
     * The steps that ran, the failing one last.
     *
     * @return the steps
     */
    public List<Step> steps() {
        return steps;
    }

    @Override
    public boolean passed() {
        return verdict.passed();
    }

    @Override
    public String report() {
        StringBuilder report = new StringBuilder();
        if (passed()) {
            report.append("Stateful run passed after ").append(steps.size()).append(" steps");
        } else {
            report.append("Stateful property failed: ").append(verdict.headline());
        }
        report.append(System.lineSeparator());
        appendSteps(report, steps, passed() ? -1 : verdict.failedStep(), verdict.marker(), "  ");
        return report.toString();
    }

    static void appendSteps(StringBuilder report, List<Step> steps, int failedStep, String marker, String indent) {
        if (steps.isEmpty()) {
            report.append(indent).append("(no steps)").append(System.lineSeparator());
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String line = indent + (i + 1) + ". " + step;
            report.append(line);
            if (i + 1 == failedStep) {
                report.append("   <-- ").append(marker);
            } else if (step.modelAfter().isPresent()) {
                report.append(" ".repeat(Math.max(1, 40 - line.length()))).append("  model: ")
                        .append(Rendering.value(step.modelAfter().get()));
            }
            report.append(System.lineSeparator());
        }
    }

    String headline() {
        return verdict.headline();
    }

    int failedStep() {
        return verdict.failedStep();
    }

    String marker() {
        return verdict.marker();
    }

    Throwable cause() {
        return verdict.cause();
    }

    @Override
    public void assertPassed() {
        if (!passed()) {
            throw new StatefulFailure(report(), verdict.cause());
        }
    }

    /**
     * The steps, one a line, as the engine prints the example.
     *
     * @return for example {@code 2 steps: 1. deposit(1) -> null ... 2. withdraw(1) -> false}
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(steps.size()).append(steps.size() == 1 ? " step:" : " steps:")
                .append(System.lineSeparator());
        appendSteps(text, steps, passed() ? -1 : verdict.failedStep(), verdict.marker(), "      ");
        return text.toString().stripTrailing();
    }

    /** Whether a run passed, and if not where and why. */
    static final class Verdict {
        private static final Verdict PASSED = new Verdict(-1, null, null, null);

        private final int failedStep;
        private final String headline;
        private final String marker;
        private final Throwable cause;

        private Verdict(int failedStep, String headline, String marker, Throwable cause) {
            this.failedStep = failedStep;
            this.headline = headline;
            this.marker = marker;
            this.cause = cause;
        }

        static Verdict passing() {
            return PASSED;
        }

        /** A failure at a step (1-based; 0 is the initial state), with a headline and a short marker. */
        static Verdict failure(int failedStep, String headline, String marker, Throwable cause) {
            return new Verdict(failedStep, headline, marker, cause);
        }

        boolean passed() {
            return headline == null;
        }

        int failedStep() {
            return failedStep;
        }

        String headline() {
            return headline;
        }

        String marker() {
            return marker;
        }

        Throwable cause() {
            return cause;
        }
    }
}
