package dev.complianceharness.sms.generators;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.Redaction;
import dev.complianceharness.property.Gen;
import dev.complianceharness.sms.internal.LocationTables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Generators for SMS compliance properties, on the harness's property engine: phone numbers by country, state
 * or province and area code (including exchanges that span two time zones and numbers no zone can be known
 * for), and instants biased to what breaks send-time code. Every generator shrinks: a number towards the first
 * area code and exchange, an instant towards the start of its range or the edge it was drawn near.
 *
 * <pre>{@code
 * Property.forAll(SmsGens.phoneNumbers("US-FL"), SmsGens.instantsNear(List.of(ZoneId.of("America/New_York")),
 *                 LocalDate.of(2024, 1, 1), LocalDate.of(2030, 1, 1), Optional.of("US-FL")))
 *         .check((number, at) -> assertThat(quietHours.earliestPermitted(Recipient.of(number), at, MessageKind.MARKETING))
 *                 .hasValueSatisfying(sendAt -> assertThat(sendAt).isAfterOrEqualTo(at)));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SmsGens {

    private SmsGens() {
    }

    /**
     * Valid E.164 numbers of a jurisdiction.
     *
     * @param jurisdiction an ISO 3166-2 code of a US state or Canadian province ({@code "US-FL"}, {@code "CA-ON"}),
     *                     {@code "US"} or {@code "CA"} for any of their area codes, or another ISO 3166-1 country
     *                     code ({@code "FR"}, {@code "AU"}, {@code "IN"}) for its mobile numbers
     * @return the generator
     * @throws IllegalArgumentException if no area code or numbering plan is known for the jurisdiction
     */
    public static Gen<String> phoneNumbers(String jurisdiction) {
        Jurisdiction target = Jurisdiction.of(Objects.requireNonNull(jurisdiction, "jurisdiction"));
        if (!target.country().equals("US") && !target.country().equals("CA")) {
            if (target.isSubdivision()) {
                throw new IllegalArgumentException("Numbers outside North America carry no subdivision; use the country"
                        + " code '" + target.country() + "' instead of '" + jurisdiction + "'");
            }
            return registered(PhoneNumberGens.mobileNumbers(target.country()));
        }
        List<Integer> areaCodes = new ArrayList<>();
        for (Map.Entry<Integer, List<Jurisdiction>> entry : LocationTables.areaCodes().entrySet()) {
            for (Jurisdiction served : entry.getValue()) {
                if (target.contains(served) || target.equals(served)) {
                    areaCodes.add(entry.getKey());
                    break;
                }
            }
        }
        areaCodes.sort(Integer::compare);
        if (areaCodes.isEmpty()) {
            throw new IllegalArgumentException("No area code serves '" + jurisdiction + "' in the NANP table; use the"
                    + " ISO 3166-2 code of a US state or Canadian province, such as US-FL or CA-ON");
        }
        return registered(PhoneNumberGens.inAreaCodes(areaCodes, "numbers of " + jurisdiction + " (area codes " + areaCodes + ")"));
    }

    /**
     * Valid numbers in one North American area code, in every exchange.
     *
     * @param areaCode the area code (NPA), for example {@code 850}
     * @return the generator
     */
    public static Gen<String> phoneNumbersInAreaCode(int areaCode) {
        return registered(PhoneNumberGens.inAreaCode(areaCode));
    }

    /**
     * Numbers in exchanges that libphonenumber maps to several time zones (Boise and Los Angeles in 208, Denver
     * and North Dakota in 701, Puerto Rico and St John's in 709, ...).
     *
     * @return the generator
     */
    public static Gen<String> multiZoneNumbers() {
        return registered(PhoneNumberGens.multiZone());
    }

    /**
     * Numbers of the area codes whose exchanges are in different zones while libphonenumber answers many of them with
     * the area code's main zone (850: New York and Chicago; 208: Boise, Los Angeles and Denver; 605, 701, 812, ...),
     * from the shipped prefix table: two numbers of one such area code share a prefix but not always a zone.
     *
     * @return the generator
     */
    public static Gen<String> numbersInAreaCodesAcrossZones() {
        java.util.TreeSet<Integer> areaCodes = new java.util.TreeSet<>();
        LocationTables.prefixesSpanningMoreZones().keySet().forEach(prefix ->
                areaCodes.add(Integer.parseInt(prefix.substring(1, 4))));
        return PhoneNumberGens.inAreaCodes(List.copyOf(areaCodes), "numbers of area codes across zones " + areaCodes);
    }

    /**
     * Numbers whose time zone cannot be known: unassigned or non-geographic area codes and text that is not a
     * number at all. Every decision about them must be "not permitted".
     *
     * @return the generator
     */
    public static Gen<String> numbersWithoutKnownZone() {
        return registered(PhoneNumberGens.withoutKnownZone());
    }

    /**
     * Instants in a range, biased towards what breaks send-time code in the given zones: DST transitions and the
     * 12 hours around them, the local edges of contact windows (08:00, 09:00, ... 21:30) and one second either
     * side, local midnight, Sundays, and the public holidays of the jurisdiction.
     *
     * @param zones        the recipient's candidate zones; at least one
     * @param from         the first day of the range
     * @param to           the day after the range
     * @param jurisdiction whose public holidays to favour (Jollyday), such as {@code "US-UT"}; empty for none
     * @return the generator
     */
    public static Gen<Instant> instantsNear(List<ZoneId> zones, LocalDate from, LocalDate to, Optional<String> jurisdiction) {
        return instantsNear(zones, from, to, jurisdiction, null);
    }

    /**
     * Like {@link #instantsNear(List, LocalDate, LocalDate, Optional)}, with the instant the simplest example falls on:
     * the first try of a property (whose choices are all zero) and the point shrinking moves towards. Giving each test
     * of a suite its own keeps them from all starting at one instant (the range's first midnight, often a holiday).
     *
     * @param zones        the recipient's candidate zones; at least one
     * @param from         the first day of the range
     * @param to           the day after the range
     * @param jurisdiction whose public holidays to favour (Jollyday), such as {@code "US-UT"}; empty for none
     * @param firstTry     the instant of the simplest example, folded into the range; null for the range's start
     * @return the generator
     */
    public static Gen<Instant> instantsNear(List<ZoneId> zones, LocalDate from, LocalDate to, Optional<String> jurisdiction,
                                            Instant firstTry) {
        String country = "";
        List<String> subdivisions = List.of();
        if (jurisdiction.isPresent()) {
            Jurisdiction parsed = Jurisdiction.of(jurisdiction.get());
            country = parsed.country();
            subdivisions = parsed.subdivision().map(List::of).orElse(List.of());
        }
        return InstantGens.near(zones, from, to, country, subdivisions, firstTry);
    }

    /**
     * The DST transitions of some zones in a range, for properties that want every one of them.
     *
     * @param zones the zones
     * @param from  the first instant
     * @param to    the end of the range (exclusive)
     * @return the transition instants, in order
     */
    public static List<Instant> dstTransitions(List<ZoneId> zones, Instant from, Instant to) {
        return InstantGens.transitions(zones, from, to);
    }

    /** Each number drawn is personal data: the redaction boundary learns it, so no message or report shows it. */
    private static Gen<String> registered(Gen<String> numbers) {
        return numbers.map(number -> Redaction.register(PiiKind.PHONE, number));
    }
}
