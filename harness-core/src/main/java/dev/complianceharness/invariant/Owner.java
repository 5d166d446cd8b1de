package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.mask.Redaction;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Who answers for an invariant: the team or person a failure is routed to.
 *
 * <pre>{@code
 * Owner owner = Owner.of("payments-compliance", "payments-compliance@example.com");
 * }</pre>
 *
 * @param name    the team or person, for example {@code "payments-compliance"}; never blank
 * @param contact how to reach them (an e-mail address, a channel); may be empty. It is published on purpose: the
 *                redaction boundary leaves its e-mail address readable in messages and reports
 */
@API(status = STABLE, since = "0.1.0")
public record Owner(String name, String contact) {

    /** Validates the owner. */
    public Owner {
        Objects.requireNonNull(name, "owner name");
        Objects.requireNonNull(contact, "owner contact");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An owner needs a name: name the team or person a failure is routed to");
        }
        name = name.strip();
        contact = Redaction.published(contact.strip());
    }

    /**
     * An owner with a contact.
     *
     * @param name    the team or person
     * @param contact how to reach them
     * @return the owner
     */
    public static Owner of(String name, String contact) {
        return new Owner(name, contact);
    }

    /**
     * An owner without a contact.
     *
     * @param name the team or person
     * @return the owner
     */
    public static Owner of(String name) {
        return new Owner(name, "");
    }

    @Override
    public String toString() {
        return contact.isEmpty() ? name : name + " <" + contact + ">";
    }
}
