package dev.complianceharness.payments.testing;

import dev.complianceharness.property.spi.PropertyRun;
import dev.complianceharness.property.spi.PropertyRunListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every finished property run of this module's tests, registered for {@link java.util.ServiceLoader} in tests only. */
public final class RecordedRuns implements PropertyRunListener {

    private static final List<PropertyRun> RUNS = new CopyOnWriteArrayList<>();

    @Override
    public void propertyRunFinished(PropertyRun run) {
        RUNS.add(run);
    }

    static Optional<PropertyRun> named(String property) {
        return RUNS.stream().filter(run -> run.property().equals(property)).reduce((first, last) -> last);
    }
}
