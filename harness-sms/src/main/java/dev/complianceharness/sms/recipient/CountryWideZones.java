package dev.complianceharness.sms.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What to do when libphonenumber knows no zone finer than the whole country's list, as for Australian
 * mobile numbers (8 zones) or an unknown NANP prefix (42 zones). A country with one zone, or whose zones
 * are one clock under several names (British mobiles: Europe/London, Jersey, Guernsey, Isle_of_Man), is
 * not ambiguous and is not affected.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
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
