package dev.complianceharness.sms.recipient;

/**
 * What to do when libphonenumber knows no zone finer than the whole country's list, as for Australian
 * mobile numbers (8 zones) or an unknown NANP prefix (42 zones). A country with one zone is never
 * ambiguous and is not affected.
 */
public enum CountryWideZones {
    /** The recipient cannot be located: every decision is "not permitted", with the reason. The default. */
    FAIL_CLOSED,
    /**
     * Every zone of the country is a candidate, so a message is permitted only where all of them permit
     * it. Numbers of the North American Numbering Plan (+1) still fail closed: its country-wide list spans
     * 25 countries and no state or province is known.
     */
    ALL_ZONES_OF_THE_COUNTRY
}
