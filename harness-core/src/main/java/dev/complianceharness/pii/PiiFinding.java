package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.PiiKind;
import org.apiguardian.api.API;

/**
 * One match of a {@link Detector} in a text. It holds where the match is and its masked form, never the
 * value itself, so a finding can be printed.
 *
 * @param detector    the detector that matched
 * @param start       the index of the first character of the match
 * @param end         the index after its last character
 * @param confidence  how likely the match is real personal data, between 0 and 1
 * @param maskedValue the match, masked
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PiiFinding(Detector detector, int start, int end, double confidence, String maskedValue) {

    /** @return the kind of personal data found */
    public PiiKind kind() {
        return detector.kind();
    }

    /** @return a one-line description, such as {@code card (confidence 0.95) at 12-31: <card …1111 #3f2a>} */
    public String describe() {
        return detector.id() + " (confidence " + String.format(java.util.Locale.ROOT, "%.2f", confidence) + ") at "
                + start + "-" + end + ": " + maskedValue;
    }
}
