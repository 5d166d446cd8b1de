package dev.complianceharness.property.internal;

import dev.complianceharness.property.configuration.HarnessConfiguration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warns once per JVM about {@code complianceharness.*} keys that no artifact declares, where the engine runs without a
 * harness extension (whose report lists them instead).
 */
final class UnknownKeys {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private UnknownKeys() {
    }

    static void warnOnce() {
        if (WARNED.compareAndSet(false, true)) {
            for (String warning : HarnessConfiguration.unknownKeyWarnings(HarnessConfiguration.keysSetOutsideTheLauncher())) {
                System.err.println("[compliance-harness] WARNING: " + warning);
            }
        }
    }
}
