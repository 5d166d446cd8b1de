package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.mask.Redaction;
import dev.complianceharness.pii.internal.LeakFinder;
import dev.complianceharness.pii.logs.CapturedLogs;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on {@link CapturedLogs}; failure messages name each leak with the data masked. Detector
 * findings count only in events attributed to the capture, unless {@link #includingUnattributedEvents()};
 * canary values count everywhere, since only the test that planted them knows them.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class CapturedLogsAssert extends AbstractAssert<CapturedLogsAssert, CapturedLogs> {

    private MaskedForms forms = MaskedForms.defaults();
    private boolean unattributed;

    CapturedLogsAssert(CapturedLogs actual) {
        super(actual, CapturedLogsAssert.class);
    }

    /**
     * @param allowed the partial masks to allow
     * @return this assertion
     */
    public CapturedLogsAssert usingMaskedForms(MaskedForms allowed) {
        this.forms = Objects.requireNonNull(allowed, "allowed");
        return this;
    }

    /** @return this assertion, also counting detector findings in events not attributable to the capture */
    public CapturedLogsAssert includingUnattributedEvents() {
        this.unattributed = true;
        return this;
    }

    /**
     * Verifies that no built-in detector finds personal data.
     *
     * @return this assertion
     */
    public CapturedLogsAssert containsNoPii() {
        return containsNoPii(PiiScanner.defaults());
    }

    /**
     * Verifies that the given scanner finds no personal data.
     *
     * @param scanner the scanner
     * @return this assertion
     */
    public CapturedLogsAssert containsNoPii(PiiScanner scanner) {
        Objects.requireNonNull(scanner, "scanner");
        isNotNull();
        List<PiiLeak> leaks = new LeakFinder(scanner, List.of(), forms).find(actual.events(), unattributed).leaks();
        failIfLeaked(leaks, "to contain no personal data");
        return this;
    }

    /**
     * Verifies that no planted value appears, in any usual transformation.
     *
     * @param canaries the canaries the test planted
     * @return this assertion
     */
    public CapturedLogsAssert containsNoCanaries(Canaries canaries) {
        Objects.requireNonNull(canaries, "canaries");
        isNotNull();
        List<PiiLeak> leaks = new LeakFinder(null, canaries.planted(), forms).find(actual.events(), false).leaks();
        failIfLeaked(leaks, "to contain none of the " + canaries.planted().size() + " canary values planted with seed "
                + canaries.seed());
        return this;
    }

    /**
     * Verifies that no data of these customers appears, in any usual transformation.
     *
     * @param customers the customers
     * @return this assertion
     */
    public CapturedLogsAssert containsNoDataOf(CanaryCustomer... customers) {
        isNotNull();
        List<Canary> planted = new java.util.ArrayList<>();
        for (int i = 0; i < customers.length; i++) {
            planted.addAll(customers[i].canaries("customer " + customers[i].seed()));
        }
        List<PiiLeak> leaks = new LeakFinder(null, planted, forms).find(actual.events(), false).leaks();
        failIfLeaked(leaks, "to contain no data of " + customers.length + (customers.length == 1 ? " customer" : " customers"));
        return this;
    }

    private void failIfLeaked(List<PiiLeak> leaks, String expectation) {
        if (leaks.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        message.append(String.format("%nExpecting captured logs of \"%s\" (%d events):%n  %s%nbut found %d %s:",
                actual.label(), actual.size(), expectation, leaks.size(), leaks.size() == 1 ? "leak" : "leaks"));
        for (PiiLeak leak : leaks) {
            message.append(String.format("%n  - ")).append(leak.describeMasked());
        }
        failWithMessage("%s", Redaction.redact(message.toString()));
    }
}
