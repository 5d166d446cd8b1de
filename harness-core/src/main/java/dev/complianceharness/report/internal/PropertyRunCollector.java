package dev.complianceharness.report.internal;

import dev.complianceharness.property.spi.PropertyRun;
import dev.complianceharness.property.spi.PropertyRunListener;

/**
 * Puts every property run the engine finishes inside a JUnit test into the {@link ResultRegistry}, for the
 * report. Registered for {@link java.util.ServiceLoader}.
 */
public final class PropertyRunCollector implements PropertyRunListener {

    /** Created by {@link java.util.ServiceLoader}. */
    public PropertyRunCollector() {
    }

    @Override
    public void propertyRunFinished(PropertyRun run) {
        ResultRegistry.recordProperty(new PropertyOutcome(run.testId(), run.testName(), run.testClass(), run.property(),
                run.tries(), run.seed(), run.labels(), run.passed(), run.failureSummary(), run.notes()));
    }
}
