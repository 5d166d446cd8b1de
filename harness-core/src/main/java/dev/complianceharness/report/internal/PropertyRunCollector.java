package dev.complianceharness.report.internal;

import dev.complianceharness.property.spi.PropertyRun;
import dev.complianceharness.property.spi.PropertyRunListener;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts every property run the engine finishes inside a JUnit test into the {@link ComplianceRun} of the test's launch,
 * for the report. Registered for {@link java.util.ServiceLoader}.
 */
public final class PropertyRunCollector implements PropertyRunListener {

    /** Created by {@link java.util.ServiceLoader}. */
    public PropertyRunCollector() {
    }

    @Override
    public void propertyRunFinished(PropertyRun run) {
        // runs are kept with their extension context: see propertyRunFinished(PropertyRun, ExtensionContext)
    }

    @Override
    public void propertyRunFinished(PropertyRun run, ExtensionContext context) {
        ComplianceRun.of(context).ifPresent(compliance -> compliance.recordProperty(context, new PropertyOutcome(
                run.property(), run.tries(), run.seed(), run.labels(), run.passed(), run.failureSummary(), run.notes(),
                run.warnings())));
    }
}
