package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A question a human reviewer must answer for a change to code that a module guards, linked to the
 * invariants that automate part of the answer. The report renders each module's questions per liability
 * zone: what is automated, whether it passed, and what still needs a person.
 *
 * <pre>{@code
 * ReviewQuestion.of("Does every retry reuse the original idempotency key?", "payments.idempotency.same-result")
 * }</pre>
 *
 * @param question     the question, as a reviewer would ask it
 * @param automatedBy  ids of invariants that check part of the answer; empty when only a person can answer
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ReviewQuestion(String question, List<String> automatedBy) {

    /** Validates the question and copies the ids. */
    public ReviewQuestion {
        Objects.requireNonNull(question, "question");
        if (question.isBlank()) {
            throw new IllegalArgumentException("A review question needs text: ask what the reviewer must check");
        }
        automatedBy = List.copyOf(automatedBy);
    }

    /**
     * A question.
     *
     * @param question    the question
     * @param automatedBy ids of invariants that automate part of the answer
     * @return the question
     */
    public static ReviewQuestion of(String question, String... automatedBy) {
        return new ReviewQuestion(question, List.of(automatedBy));
    }
}
