package dev.complianceharness.sms.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Where a candidate jurisdiction or time zone came from. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum LocationSource {
    /**
     * The number's area code, through the shipped NANP tables: its state or province, and every zone the numbers
     * under the prefix libphonenumber matched use, when libphonenumber knows the zone of the area code (or of part
     * of the exchange) only.
     */
    AREA_CODE,
    /** The number's exchange (NPA-NXX or the national prefix), through libphonenumber's time-zone mapper or geocoder. */
    EXCHANGE,
    /** The number's country as a whole. */
    COUNTRY,
    /** The recipient's known address. */
    ADDRESS,
    /** The time zone in the recipient's profile. */
    PROFILE_ZONE
}
