package dev.complianceharness.report.internal;

import dev.complianceharness.property.configuration.ConfigurationKey;
import dev.complianceharness.property.configuration.ConfigurationKeys;
import java.util.List;

/** The configuration keys harness-core reads. Registered for {@link java.util.ServiceLoader}. */
public final class CoreConfigurationKeys implements ConfigurationKeys {

    /** Created by {@link java.util.ServiceLoader}. */
    public CoreConfigurationKeys() {
    }

    @Override
    public List<ConfigurationKey> keys() {
        return List.of(
                new ConfigurationKey(ReportFiles.REPORT_DIRECTORY, ReportFiles.DEFAULT_REPORT_DIRECTORY, "build/compliance-report",
                        "where a launch writes its partial result and the merged report (index.html, report.json, gate.txt)"),
                new ConfigurationKey(ReportFiles.AGGREGATE_DIRECTORY, "none (no aggregate)", "${maven.multiModuleProjectDirectory}"
                        + "/target/compliance-report", "where each launch also rebuilds the report of the whole multi-module"
                        + " build, from every report directory below that directory's grandparent"),
                new ConfigurationKey(ZoneDiscovery.PATHS, "the module's target/classes or build/classes/java/main",
                        "build/classes/java/main,lib/app.jar", "class directories or jars to read @LiabilityZone declarations from"),
                new ConfigurationKey(ZoneDiscovery.PACKAGES, "none", "com.acme.billing,com.acme.messaging",
                        "packages to read @LiabilityZone declarations from, from the class path (wins over the paths)"),
                new ConfigurationKey(ZoneDiscovery.DISCOVERY, "auto", "off", "auto reads the liability map; off leaves it out"),
                new ConfigurationKey("complianceharness.pii.seed", "a random seed below 1,000,000, printed", "42",
                        "fixes the seed of the canary values @NoPiiInLogs plants, to replay a printed leak"));
    }
}
