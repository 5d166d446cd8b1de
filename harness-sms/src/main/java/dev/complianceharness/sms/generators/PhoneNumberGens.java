package dev.complianceharness.sms.generators;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Phone numbers built digit by digit from libphonenumber's metadata, so that they shrink like any choice. */
final class PhoneNumberGens {

    /** Area codes with exchanges that libphonenumber maps to more than one time zone (see the domain notes). */
    static final List<Integer> MULTI_ZONE_AREA_CODES = List.of(208, 605, 701, 423, 928, 709, 850);

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_LINE = 9_999;
    private static final List<String> MULTI_ZONE_EXCHANGES = multiZoneExchanges();

    private PhoneNumberGens() {
    }

    static Gen<String> inAreaCode(int areaCode) {
        if (areaCode < 200 || areaCode > 999) {
            throw new IllegalArgumentException("Area code " + areaCode + " is not a North American area code (200–999)");
        }
        String prefix = "+1" + areaCode;
        return Gens.integers(200, 999).flatMap(exchange -> line().map(line -> prefix + exchange + line))
                .filter(PhoneNumberGens::isValid).describedAs("numbers in area code " + areaCode);
    }

    static Gen<String> inAreaCodes(List<Integer> areaCodes, String description) {
        if (areaCodes.isEmpty()) {
            throw new IllegalArgumentException("No area codes for " + description);
        }
        return Gens.elements(areaCodes).flatMap(PhoneNumberGens::inAreaCode).describedAs(description);
    }

    static Gen<String> multiZone() {
        return Gens.elements(MULTI_ZONE_EXCHANGES).flatMap(prefix -> line().map(line -> prefix + line))
                .describedAs("numbers in exchanges with several time zones");
    }

    /** Mobile numbers of a region outside North America, shaped like libphonenumber's example mobile number. */
    static Gen<String> mobileNumbers(String region) {
        PhoneNumber example = UTIL.getExampleNumberForType(region.toUpperCase(Locale.ROOT), PhoneNumberType.MOBILE);
        if (example == null) {
            throw new IllegalArgumentException("libphonenumber knows no mobile numbers for region '" + region
                    + "': use an ISO 3166-1 alpha-2 code such as FR, AU or IN");
        }
        String national = UTIL.getNationalSignificantNumber(example);
        int kept = Math.max(1, national.length() - 6);
        String prefix = "+" + example.getCountryCode() + national.substring(0, kept);
        int randomDigits = national.length() - kept;
        long max = (long) Math.pow(10, randomDigits) - 1;
        String format = "%0" + randomDigits + "d";
        return Gens.longs(0, max).map(rest -> prefix + String.format(Locale.ROOT, format, rest))
                .filter(PhoneNumberGens::isValid).describedAs("mobile numbers of " + region);
    }

    /**
     * Numbers for which no time zone can be known: unassigned area codes, which libphonenumber maps to
     * {@code Etc/Unknown}, and text that is no phone number at all.
     */
    static Gen<String> withoutKnownZone() {
        Gen<String> unassigned = Gens.elements(List.of("+1999", "+1555", "+1950", "+1311")).flatMap(prefix ->
                Gens.integers(200, 999).flatMap(exchange -> line().map(line -> prefix + exchange + line)));
        Gen<String> garbage = Gens.elements("", "STOP", "+", "+1", "not a number", "+1 (305) 555-01", "00000000000");
        return Gens.oneOf(unassigned, garbage).describedAs("numbers without a known time zone");
    }

    private static Gen<String> line() {
        return Gens.integers(0, MAX_LINE).map(line -> String.format(Locale.ROOT, "%04d", line));
    }

    static boolean isValid(String e164) {
        try {
            return UTIL.isValidNumber(UTIL.parse(e164, "ZZ"));
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return false;
        }
    }

    private static List<String> multiZoneExchanges() {
        PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();
        List<String> exchanges = new ArrayList<>();
        for (int areaCode : MULTI_ZONE_AREA_CODES) {
            for (int exchange = 200; exchange <= 999; exchange++) {
                String prefix = "+1" + areaCode + exchange;
                try {
                    PhoneNumber number = UTIL.parse(prefix + "0100", "ZZ");
                    if (UTIL.isValidNumber(number) && zones.getTimeZonesForNumber(number).size() > 1) {
                        exchanges.add(prefix);
                    }
                } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                    throw new IllegalStateException("libphonenumber rejected " + prefix + "0100", e);
                }
            }
        }
        if (exchanges.isEmpty()) {
            throw new IllegalStateException("libphonenumber maps no exchange of " + MULTI_ZONE_AREA_CODES
                    + " to several zones any more; update PhoneNumberGens.MULTI_ZONE_AREA_CODES");
        }
        return List.copyOf(exchanges);
    }
}
