package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.event.RecordingContext;
import dev.complianceharness.event.RecordingPart;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A named, versioned bundle of invariants that a domain expert writes once and teams switch on with
 * {@code @ComplianceTest(modules = ...)}, or by id when the module is registered for
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.complianceharness.invariant.InvariantModule}.
 *
 * <p>A module class needs a public no-argument constructor. Besides its invariants it may hand tests
 * {@linkplain #recordingParts() recording parts} (an SMS outbox, a payment adapter) that record the
 * events its invariants judge.
 *
 * <pre>{@code
 * public final class CanSpamModule implements InvariantModule {
 *     public String id() { return "can-spam"; }
 *     public String version() { return "1.0.0"; }
 *     public List<Invariant> invariants() { return List.of(OPT_OUT_LINK, OPT_OUT_HONOURED); }
 *     public List<RecordingPart<?>> recordingParts() {
 *         return List.of(RecordingPart.of(EmailOutbox.class, EmailOutbox::new));
 *     }
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1.0")
public interface InvariantModule {

    /**
     * A stable identifier, lower case with dots or dashes; teams may select the module by it.
     *
     * @return for example {@code "sms.quiet-hours"}
     */
    String id();

    /**
     * The module's version; the report shows which version guarded each test.
     *
     * @return for example {@code "1.2.0"}
     */
    String version();

    /**
     * A human title for reports.
     *
     * @return the id unless overridden
     */
    default String title() {
        return id();
    }

    /**
     * The day a domain expert last checked this module's rules against their sources; the report shows it
     * and {@code assertThatModule(module).isWellFormed()} requires it.
     *
     * @return the review date; empty unless overridden
     */
    default Optional<LocalDate> rulesReviewedOn() {
        return Optional.empty();
    }

    /**
     * The versions of the data the module's rules depend on, printed in the report so that a result can be
     * reproduced: for example {@code "tz database" -> "2025a"}, {@code "libphonenumber" -> "9.0.23"},
     * {@code "rule pack" -> "2025-11-01"}.
     *
     * @return none unless overridden
     */
    default Map<String, String> dataVersions() {
        return Map.of();
    }

    /**
     * The invariants this module verifies after each test; at least one (unless the module only
     * {@linkplain #overrides() overrides} others), with unique ids.
     *
     * @return the invariants
     */
    List<Invariant> invariants();

    /**
     * The parts this module hands to tests as parameters, one instance per test.
     *
     * @return none unless overridden
     */
    default List<RecordingPart<?>> recordingParts() {
        return List.of();
    }

    /**
     * Shipped invariants of other active modules that this module replaces, each with its reason.
     *
     * @return none unless overridden
     */
    default List<InvariantOverride> overrides() {
        return List.of();
    }

    /**
     * The questions a human reviewer must answer for a change to code this module guards, each linked
     * to the invariants that automate part of the answer.
     *
     * @return none unless overridden
     */
    default List<ReviewQuestion> reviewRubric() {
        return List.of();
    }

    /**
     * The choices this module was configured with where laws or providers differ (a frequency cap owned by
     * the campaign or by the scheduler, refunds while partially captured allowed or refused). The report
     * shows them with their sources next to the module, so a green result says which reading it stands on.
     *
     * @return the policy choices in effect; empty for a module without choices
     */
    default List<PolicyChoice> policies() {
        return List.of();
    }

    /**
     * The choices this module runs with in one test, for a module a team configures per test (through its own
     * annotation, read with {@link RecordingContext#findAnnotation(Class)}); the report lists every distinct choice
     * of the launch next to the module.
     *
     * <pre>{@code
     * public List<PolicyChoice> policies(RecordingContext test) {
     *     return test.findAnnotation(Strictness.class).map(Strictness::policies).orElse(policies());
     * }
     * }</pre>
     *
     * @param test the running test's recording context
     * @return the choices in effect for that test; {@link #policies()} unless overridden
     */
    default List<PolicyChoice> policies(RecordingContext test) {
        return policies();
    }
}
