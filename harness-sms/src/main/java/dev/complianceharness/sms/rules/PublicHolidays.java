package dev.complianceharness.sms.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Whether public holidays close the contact windows of the rules that name a holiday calendar (Utah, Alabama,
 * Louisiana, Rhode Island, France, Australia in the shipped pack). A team whose counsel reads the holiday bans as
 * out of its scope chooses {@link #NOT_COUNTED} in one call, for every message kind or for one, instead of
 * overriding each rule.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum PublicHolidays {
    /** Holidays close the windows, as the rules say. The default. */
    COUNTED,
    /** Holidays are ordinary days: the rules' weekly windows apply on them. */
    NOT_COUNTED
}
