package dev.complianceharness.sms.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.mask.Pii;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The person a message goes to: a phone number in E.164 form plus the location facts a team may know
 * about them. Every fact adds candidate locations and none removes one: a message is permitted only
 * where every candidate permits it.
 *
 * <pre>{@code
 * Recipient recipient = Recipient.of("+18505550123")   // area code 850: Florida
 *         .withAddressIn("US-GA")                      // billing address in Georgia
 *         .withProfileZone("America/Chicago");         // time zone the user chose in the app
 * }</pre>
 *
 * <p>A recipient is a value: equal numbers and facts give equal recipients. Its {@link #toString()}
 * masks the number. The number is checked when a decision is made, not here, so that a decision about
 * a malformed number can say why it is not permitted instead of throwing.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Recipient {

    @Pii(PiiKind.PHONE)
    private final String number;
    private final Jurisdiction address;
    private final String profileZone;

    private Recipient(String number, Jurisdiction address, String profileZone) {
        this.number = number;
        this.address = address;
        this.profileZone = profileZone;
    }

    /**
     * A recipient known only by number.
     *
     * @param e164Number the number in E.164 form, for example {@code "+18505550123"}; any text is accepted
     *                   here, and a decision about a number that is not valid E.164 is "not permitted"
     * @return the recipient
     * @throws NullPointerException if the number is null
     */
    public static Recipient of(String e164Number) {
        return new Recipient(Objects.requireNonNull(e164Number, "phone number"), null, null);
    }

    /**
     * The same recipient with a known address; its jurisdiction and, for US states and Canadian
     * provinces, every time zone used in it become candidates.
     *
     * @param isoCode the ISO 3166-2 code of the address's state or province, such as {@code "US-GA"}, or an
     *                ISO 3166-1 country code
     * @return a new recipient
     * @throws IllegalArgumentException if the code is not a known country or well-formed subdivision code
     */
    public Recipient withAddressIn(String isoCode) {
        return new Recipient(number, Jurisdiction.of(Objects.requireNonNull(isoCode, "address jurisdiction")),
                profileZone);
    }

    /**
     * The same recipient with a time zone from their profile, which becomes a candidate zone. The id is
     * checked when a decision is made: an unknown id makes every decision "not permitted" with the reason.
     *
     * @param zoneId an IANA time zone id, such as {@code "America/Chicago"}
     * @return a new recipient
     */
    public Recipient withProfileZone(String zoneId) {
        return new Recipient(number, address, Objects.requireNonNull(zoneId, "profile zone id"));
    }

    /**
     * The same recipient with a time zone from their profile.
     *
     * @param zone the zone
     * @return a new recipient
     */
    public Recipient withProfileZone(ZoneId zone) {
        return withProfileZone(Objects.requireNonNull(zone, "profile zone").getId());
    }

    /** @return the number exactly as given; personal data, print it only through {@link #maskedNumber()} */
    public String number() {
        return number;
    }

    /**
     * The number for messages, through the harness's redaction boundary: its country code and area code readable,
     * the subscriber digits hidden but the last ones the redaction policy shows, and a token that tells two numbers
     * apart, so that a reader sees where it rings and no one can dial it.
     *
     * @return for example {@code <phone +1 850 …23 #3f2a>}
     */
    public String maskedNumber() {
        return maskedNumber(number);
    }

    /**
     * How {@link #maskedNumber()} writes any number; the number becomes known to the redaction boundary, which then
     * redacts it wherever else it appears.
     *
     * @param number a number, in E.164 form or not
     * @return for example {@code <phone +1 850 …23 #3f2a>} or {@code <phone +33 6 …78 #0c1d>}
     */
    public static String maskedNumber(String number) {
        return Redaction.token(PiiKind.PHONE, number);
    }

    /** @return the jurisdiction of the recipient's address, if known */
    public Optional<Jurisdiction> address() {
        return Optional.ofNullable(address);
    }

    /** @return the time zone id from the recipient's profile, if known, exactly as given */
    public Optional<String> profileZone() {
        return Optional.ofNullable(profileZone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Recipient that && number.equals(that.number)
                && Objects.equals(address, that.address) && Objects.equals(profileZone, that.profileZone);
    }

    @Override
    public int hashCode() {
        return number.hashCode() * 31 + Objects.hashCode(address) * 17 + Objects.hashCode(profileZone);
    }

    /** @return the masked number and the known facts, for example {@code Recipient[<phone +1 850 …23 #3f2a>, address US-GA]} */
    @Override
    public String toString() {
        return "Recipient[" + maskedNumber() + (address == null ? "" : ", address " + address)
                + (profileZone == null ? "" : ", profile zone " + profileZone) + "]";
    }
}
