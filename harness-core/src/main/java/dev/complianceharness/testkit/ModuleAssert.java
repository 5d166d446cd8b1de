package dev.complianceharness.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.event.RecordingPart;
import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Invariant;
import dev.complianceharness.invariant.InvariantModule;
import dev.complianceharness.invariant.InvariantOverride;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.invariant.ReviewQuestion;
import dev.complianceharness.mask.Redaction;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a module's metadata; start with {@link InvariantAssertions#assertThatModule}. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ModuleAssert extends AbstractAssert<ModuleAssert, InvariantModule> {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.-]+)?");

    ModuleAssert(InvariantModule actual) {
        super(actual, ModuleAssert.class);
    }

    /**
     * Verifies everything a module needs before it is published, and lists every problem at once: a
     * well-formed id, a semantic version, a review date, at least one invariant, unique invariant ids,
     * every invariant's regulation with a source URL (or, below high confidence, the reason it has none), overrides with reasons, rubric questions that link
     * only to the module's own invariants, and one recording part per type. (Citations, owners and tiers
     * cannot be missing: {@link Invariant.Builder} refuses to build without them.)
     *
     * @return this assertion
     */
    public ModuleAssert isWellFormed() {
        isNotNull();
        List<String> problems = new ArrayList<>();
        if (actual.id() == null || !ID.matcher(actual.id()).matches()) {
            problems.add("id '" + actual.id() + "' is not lower-case letters and digits separated by dots or dashes");
        }
        if (actual.version() == null || !VERSION.matcher(actual.version()).matches()) {
            problems.add("version '" + actual.version() + "' is not a semantic version such as 1.2.0");
        }
        if (actual.rulesReviewedOn().isEmpty()) {
            problems.add("declares no review date: return the day its rules were last checked from rulesReviewedOn()");
        }
        Set<String> ids = new HashSet<>();
        List<Invariant> invariants = new ArrayList<>(actual.invariants());
        actual.overrides().forEach(override -> invariants.add(override.replacement()));
        if (invariants.isEmpty()) {
            problems.add("declares no invariants");
        }
        for (Invariant invariant : invariants) {
            if (!ids.add(invariant.id())) {
                problems.add("declares invariant id '" + invariant.id() + "' twice");
            }
            Regulation regulation = invariant.regulation();
            if (regulation.source().isEmpty() && (regulation.confidence() == Confidence.HIGH
                    || regulation.missingSourceReason().isEmpty())) {
                problems.add("invariant '" + invariant.id() + "' cites '" + regulation.citation()
                        + "' without a source URL a reviewer can open" + (regulation.confidence() == Confidence.HIGH
                        ? " (a high-confidence regulation needs one)"
                        : " or a reason why there is none (Regulation.Builder.withoutSource(reason))"));
            }
        }
        for (InvariantOverride override : actual.overrides()) {
            if (override.reason().isBlank()) {
                problems.add("overrides '" + override.replacedInvariantId() + "' without a reason");
            }
        }
        for (ReviewQuestion question : actual.reviewRubric()) {
            for (String linked : question.automatedBy()) {
                if (!ids.contains(linked)) {
                    problems.add("rubric question \"" + question.question() + "\" links to '" + linked
                            + "', which the module does not declare");
                }
            }
        }
        Set<Class<?>> partTypes = new HashSet<>();
        for (RecordingPart<?> part : actual.recordingParts()) {
            if (!partTypes.add(part.type())) {
                problems.add("provides recording part " + part.type().getName() + " twice");
            }
        }
        if (!problems.isEmpty()) {
            failRedacted("%nExpecting module:%n  %s%nto be well formed, but it:%n  - %s", actual.id(),
                    String.join("\n  - ", problems));
        }
        return this;
    }

    /**
     * Verifies the module's invariant ids, in any order. Pin them in the module's own tests: ids are
     * what reports, baselines and overrides refer to, so renaming one is a breaking change.
     *
     * @param expected the ids
     * @return this assertion
     */
    public ModuleAssert hasInvariantIds(String... expected) {
        isNotNull();
        Set<String> actualIds = new LinkedHashSet<>();
        actual.invariants().forEach(invariant -> actualIds.add(invariant.id()));
        if (!actualIds.equals(new LinkedHashSet<>(List.of(expected)))) {
            failRedacted("%nExpecting module:%n  %s%nto declare exactly the invariant ids:%n  %s%nbut it declares:%n  %s",
                    actual.id(), List.of(expected), List.copyOf(actualIds));
        }
        return this;
    }

    /**
     * Verifies that the module's rules were reviewed recently.
     *
     * @param maximumAge how old the review may be, for example {@code Period.ofMonths(12)}
     * @param clock      the clock that says what today is
     * @return this assertion
     */
    public ModuleAssert wasReviewedWithin(Period maximumAge, Clock clock) {
        isNotNull();
        LocalDate today = LocalDate.now(clock);
        LocalDate oldestAllowed = today.minus(maximumAge);
        if (actual.rulesReviewedOn().isEmpty() || actual.rulesReviewedOn().get().isBefore(oldestAllowed)) {
            failRedacted("%nExpecting module:%n  %s%nto have been reviewed on or after %s%nbut its last review was %s",
                    actual.id(), oldestAllowed, actual.rulesReviewedOn().map(LocalDate::toString).orElse("never"));
        }
        return this;
    }

    /** Fails with the message passed through the redaction boundary, as everything the harness writes is. */
    private void failRedacted(String format, Object... arguments) {
        failWithMessage("%s", Redaction.redact(String.format(format, arguments)));
    }
}
