package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One planted personal value the test knows: after the test, the captured output is searched for it and
 * its usual transformations. Creating it registers the value with the redaction boundary, so the harness never
 * prints it; {@link #toString()} shows its token.
 *
 * @param owner what it belongs to, such as {@code "customer #1"}
 * @param field the field, such as {@code "email"}
 * @param kind  its kind, which decides the transformations searched for
 * @param value the value as planted
 */
@Pii
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Canary(String owner, String field, PiiKind kind, String value) {

    /** Checks the parts. */
    public Canary {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("Canary " + owner + "." + field + " has a blank value; plant a value"
                    + " that is unique to the test, such as the ones CanaryCustomer.generate(seed) makes");
        }
        Redaction.register(kind, value);
    }

    /** @return the canary with its value masked */
    @Override
    public String toString() {
        return "Canary[" + owner + "." + field + " (" + kind + ") = " + Redaction.token(kind, value) + "]";
    }
}
