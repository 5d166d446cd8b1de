package dev.complianceharness.liability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.complianceharness.invariant.LiabilityTier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The liability map")
class LiabilityMapTest {

    static final String VALID = "dev.complianceharness.liability.fixtures.valid";
    static final String INVALID = "dev.complianceharness.liability.fixtures.invalid";

    @Nested
    @DisplayName("built from compiled classes")
    class Built {

        private final LiabilityMap map = LiabilityMap.importPackages(VALID);

        @Test
        @DisplayName("lists every declared zone, most exposed tier first, with owner, regulations and guards")
        void listsZones() {
            assertThat(map.zones()).extracting(Zone::name).containsExactly(
                    VALID + ".marketing", VALID + ".messaging", VALID + ".messaging.Billing");
            Zone messaging = map.zone(VALID + ".messaging").orElseThrow();
            assertThat(messaging.tier()).isEqualTo(LiabilityTier.REGULATORY);
            assertThat(messaging.owner()).isEqualTo("messaging-team");
            assertThat(messaging.regulations()).containsExactly("eu-eprivacy-13");
            assertThat(messaging.declaredOn()).containsExactly(VALID + ".messaging");
            Zone marketing = map.zone(VALID + ".marketing").orElseThrow();
            assertThat(marketing.regulations()).containsExactly("us-tcpa-calling-hours", "47 CFR 64.1200(c)(1)");
            assertThat(marketing.guardedBy()).containsExactly("nope.missing");
            assertThat(marketing.hasOwner()).isFalse();
        }

        @Test
        @DisplayName("puts a package's classes and its sub-packages' classes in the package's zone")
        void packageZoneCoversSubPackages() {
            assertThat(map.zone(VALID + ".messaging").orElseThrow().classes()).containsExactly(
                    VALID + ".messaging.SmsSender", VALID + ".messaging.internal.RetryPolicy");
        }

        @Test
        @DisplayName("lets a class-level zone win over its package's, and covers the class's nested classes")
        void classZoneWins() {
            Zone billing = map.zoneOf(VALID + ".messaging.Billing$Line").orElseThrow();
            assertThat(billing.name()).isEqualTo(VALID + ".messaging.Billing");
            assertThat(billing.tier()).isEqualTo(LiabilityTier.FINANCIAL);
            assertThat(billing.guardedBy()).containsExactly("test.consent");
            assertThat(billing.classes()).containsExactly(VALID + ".messaging.Billing", VALID + ".messaging.Billing$Line");
        }

        @Test
        @DisplayName("leaves classes outside every zone unzoned")
        void unzoned() {
            assertThat(map.zoneOf(VALID + ".plain.Util")).isEmpty();
            assertThat(map.zoneOf("com.example.NotImported")).isEmpty();
        }
    }

    @Nested
    @DisplayName("imported from class directories")
    class FromDirectories {

        @Test
        @DisplayName("finds the zones of a directory whose classes declare them")
        void findsZones() throws Exception {
            Path valid = Path.of(LiabilityMapTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(VALID.replace('.', '/'));

            assertThat(LiabilityMap.importLocations(valid).zones()).extracting(Zone::name)
                    .containsExactlyElementsOf(LiabilityMap.importPackages(VALID).zones().stream().map(Zone::name).toList())
                    .isNotEmpty();
        }

        @Test
        @DisplayName("is empty, without an import, when no class file mentions @LiabilityZone")
        void emptyWithoutAnnotation(@TempDir Path classes) throws Exception {
            Path plain = Path.of(LiabilityMapTest.class.getResource("LiabilityMapTest.class").toURI());
            Files.copy(plain, classes.resolve("LiabilityMapTest.class"));

            assertThat(LiabilityMap.importLocations(classes).isEmpty()).isTrue();
        }
    }

    @Nested
    @DisplayName("refuses invalid declarations")
    class Invalid {

        @Test
        @DisplayName("listing every problem with the element and what to change")
        void listsEveryProblem() {
            assertThatThrownBy(() -> LiabilityMap.importPackages(INVALID))
                    .isInstanceOfSatisfying(InvalidLiabilityZoneException.class, e -> assertThat(e.problems()).containsExactly(
                            "class " + INVALID + ".BlankRegulation has a blank entry at regulations[1]: remove it or name"
                                    + " the regulation id or citation",
                            "class " + INVALID + ".NoRegulation is a REGULATORY zone that names no regulation and no guard:"
                                    + " add regulations = {\"<regulation id or citation>\"} (or guardedBy = {\"<invariant or"
                                    + " module id>\"}), or choose another tier",
                            "zone 'checkout' is declared on " + INVALID + ".SharedNameFinancial and on " + INVALID
                                    + ".SharedNameReputational with different tier, owner, regulations or guards: make them"
                                    + " agree, or give one of them another name"))
                    .hasMessageStartingWith("Invalid @LiabilityZone declarations (3):\n  - class ");
        }

        @Test
        @DisplayName("naming a location that does not exist")
        void missingLocation() {
            assertThatThrownBy(() -> LiabilityMap.importLocations(Path.of("does-not-exist/classes")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does-not-exist/classes: no such directory or jar; compile the code first");
        }
    }
}
