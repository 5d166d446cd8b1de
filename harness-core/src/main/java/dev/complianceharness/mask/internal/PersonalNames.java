package dev.complianceharness.mask.internal;

import dev.complianceharness.mask.PiiKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kind of personal data a field's name says it holds, for the fields a team did not annotate {@code @Pii}: a
 * record's {@code fullName}, {@code email}, {@code mobile}, {@code cardOnFile} or {@code birthDate} is personal
 * whatever its annotations, and the boundary redacts it rather than show it. The names are those the ArchUnit rule
 * {@code PiiRules.FIELDS_NAMED_LIKE_PII_SHOULD_BE_ANNOTATED_PII} asks to annotate, so a team that follows the rule
 * and one that does not are redacted alike.
 */
final class PersonalNames {

    /** Parts of a lower-cased name without underscores, in the order they are tried, and the kind each means. */
    private static final List<Map.Entry<String, PiiKind>> CONTAINED = List.of(
            Map.entry("email", PiiKind.EMAIL), Map.entry("mailaddress", PiiKind.EMAIL),
            Map.entry("phone", PiiKind.PHONE), Map.entry("mobile", PiiKind.PHONE), Map.entry("msisdn", PiiKind.PHONE),
            Map.entry("socialsecurity", PiiKind.SSN), Map.entry("ssn", PiiKind.SSN),
            Map.entry("iban", PiiKind.IBAN),
            Map.entry("cardnumber", PiiKind.CARD), Map.entry("creditcard", PiiKind.CARD), Map.entry("cardonfile", PiiKind.CARD),
            Map.entry("dateofbirth", PiiKind.OTHER), Map.entry("birthdate", PiiKind.OTHER), Map.entry("birthday", PiiKind.OTHER),
            Map.entry("password", PiiKind.SECRET), Map.entry("passwd", PiiKind.SECRET), Map.entry("apikey", PiiKind.SECRET),
            Map.entry("secret", PiiKind.SECRET),
            Map.entry("taxid", PiiKind.OTHER), Map.entry("passport", PiiKind.OTHER),
            Map.entry("firstname", PiiKind.NAME), Map.entry("lastname", PiiKind.NAME), Map.entry("fullname", PiiKind.NAME),
            Map.entry("surname", PiiKind.NAME), Map.entry("givenname", PiiKind.NAME), Map.entry("familyname", PiiKind.NAME),
            Map.entry("customername", PiiKind.NAME), Map.entry("holdername", PiiKind.NAME),
            Map.entry("address", PiiKind.ADDRESS), Map.entry("street", PiiKind.ADDRESS), Map.entry("postcode", PiiKind.ADDRESS),
            Map.entry("zipcode", PiiKind.ADDRESS), Map.entry("postalcode", PiiKind.ADDRESS));
    /** Names that only count whole: as parts they are too common ("dob" in "adobe"). */
    private static final Map<String, PiiKind> WHOLE = Map.of("dob", PiiKind.OTHER, "pan", PiiKind.CARD, "tel", PiiKind.PHONE);

    private PersonalNames() {
    }

    /**
     * @param name a field's or record component's name
     * @return the kind of personal data the name says the field holds, if it says so
     */
    static Optional<PiiKind> kindOf(String name) {
        String normalised = name.replace("_", "").toLowerCase(Locale.ROOT);
        PiiKind whole = WHOLE.get(normalised);
        if (whole != null) {
            return Optional.of(whole);
        }
        if (normalised.contains("ipaddress") || normalised.endsWith("last4") || normalised.contains("masked")) {
            return Optional.empty();
        }
        for (Map.Entry<String, PiiKind> entry : CONTAINED) {
            if (normalised.contains(entry.getKey())) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }
}
