package dev.complianceharness.sms.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Rule data that cannot be used: an empty or overlapping window, an unknown jurisdiction or holiday
 * calendar, a rule without a citation, a duplicate id. The message names the rule (and the line, for
 * parsed packs) and says what to change.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public class RuleDataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, where, and what to do
     */
    public RuleDataException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, where, and what to do
     * @param cause the underlying error
     */
    public RuleDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
