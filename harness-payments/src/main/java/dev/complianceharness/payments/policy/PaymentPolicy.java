package dev.complianceharness.payments.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.PolicyChoice;
import org.apiguardian.api.API;

/**
 * One choice among the behaviours real payment providers document differently, such as
 * {@link KeyScope#PER_ENDPOINT} or {@link AuthorizationExpiry#none()}. Each choice names the provider
 * documentation it follows, which the compliance report shows with it.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface PaymentPolicy {

    /** @return what varies, for example {@code "idempotency key scope"} */
    String policy();

    /** @return the variant, for example {@code "per endpoint"} */
    String choice();

    /** @return whose documented behaviour the variant follows, in a sentence */
    String reason();

    /** @return a link to that documentation */
    String source();

    /** @return the choice as the compliance report shows it */
    default PolicyChoice toPolicyChoice() {
        return PolicyChoice.of(policy(), choice(), reason(), source());
    }
}
