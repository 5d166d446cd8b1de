package dev.complianceharness.examples.liability;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.complianceharness.examples.sms.CampaignScheduler;
import dev.complianceharness.liability.ClassImports;
import dev.complianceharness.liability.LiabilityMap;
import dev.complianceharness.liability.Zone;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Zone discovery reads the example application's class directory with a class-file reader of its own instead of
 * ArchUnit's import (half a second in a cold test JVM); it must find exactly the zones ArchUnit's import finds.
 */
@DisplayName("The example application's liability zones")
class ZonesReadWithoutArchUnitTest {

    @Test
    @DisplayName("are the same read from the class files as imported with ArchUnit, class by class")
    void sameAsArchUnit() throws Exception {
        Path mainClasses = Path.of(CampaignScheduler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses imported = ClassImports.locations(List.of(mainClasses));
        LiabilityMap archUnit = LiabilityMap.of(imported);

        LiabilityMap read = LiabilityMap.importLocations(mainClasses);

        assertThat(read.zones()).isEqualTo(archUnit.zones());
        assertThat(read.zones()).extracting(Zone::name).contains("dev.complianceharness.examples.sms");
        imported.forEach(javaClass -> assertThat(read.zoneOf(javaClass.getName())).as(javaClass.getName())
                .isEqualTo(archUnit.zoneOf(javaClass.getName())));
    }
}
