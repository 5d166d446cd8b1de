package dev.complianceharness.property.stateful;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A concurrent case — a sequential prefix, then two or more branches run in parallel threads — run a
 * few times against fresh systems, and its outcome: whether the observed results of every repetition
 * match some sequential interleaving of the model (linearizability).
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ConcurrentRun implements StatefulRun {

    private final List<Step> prefix;
    private final List<List<Step>> branches;
    private final int repetitionsRun;
    private final String failureReport;
    private final Throwable cause;

    ConcurrentRun(List<Step> prefix, List<List<Step>> branches, int repetitionsRun, String failureReport, Throwable cause) {
        this.prefix = List.copyOf(prefix);
        this.branches = branches.stream().map(List::copyOf).toList();
        this.repetitionsRun = repetitionsRun;
        this.failureReport = failureReport;
        this.cause = cause;
    }

    /**
     * The sequential prefix as it ran (in the failing repetition, if one failed).
     *
     * @return the prefix steps
     */
    public List<Step> prefix() {
        return prefix;
    }

    /**
     * The calls each branch made and what they returned (in the failing repetition, if one failed).
     *
     * @return one list of steps per branch
     */
    public List<List<Step>> branches() {
        return branches;
    }

    /**
     * How many times the case ran: every repetition when it passed, up to the failing one otherwise.
     *
     * @return the number of repetitions run
     */
    public int repetitionsRun() {
        return repetitionsRun;
    }

    @Override
    public boolean passed() {
        return failureReport == null;
    }

    @Override
    public String report() {
        if (passed()) {
            StringBuilder report = new StringBuilder("Concurrent run passed: ").append(repetitionsRun)
                    .append(" repetitions linearizable").append(System.lineSeparator())
                    .append("Sequential prefix:").append(System.lineSeparator());
            SequentialRun.appendSteps(report, prefix, -1, "", "  ");
            for (int branch = 0; branch < branches.size(); branch++) {
                report.append("Branch ").append(branch + 1).append(':').append(System.lineSeparator());
                SequentialRun.appendSteps(report, branches.get(branch), -1, "", "  ");
            }
            return report.toString();
        }
        return failureReport;
    }

    @Override
    public void assertPassed() {
        if (!passed()) {
            throw new StatefulFailure(failureReport, cause);
        }
    }

    /**
     * The prefix, the branches' observations and, for a failure, the linearizability search's findings,
     * indented as the engine prints the example.
     *
     * @return the run without its headline
     */
    @Override
    public String toString() {
        String report = report();
        String details = report.substring(report.indexOf(System.lineSeparator()) + System.lineSeparator().length());
        StringBuilder text = new StringBuilder(passed() ? "passed " + repetitionsRun + " repetitions:"
                : "failed in repetition " + repetitionsRun + ":");
        details.lines().forEach(line -> text.append(System.lineSeparator()).append("      ").append(line));
        return text.toString();
    }
}
