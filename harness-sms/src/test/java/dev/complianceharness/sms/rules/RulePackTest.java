package dev.complianceharness.sms.rules;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.sms.MessageKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Rule packs")
class RulePackTest {

    private static final String HEADER = "pack: acme\nversion: 1\n\n";
    private static final String FLORIDA = """
            rule: us-fl-501.616
            jurisdiction: US-FL
            citation: Fla. Stat. 501.616(6)
            confidence: high
            kinds: marketing
            window: mon-sun 08:00-20:00
            """;

    @Nested
    @DisplayName("the shipped pack")
    class Standard {

        @ParameterizedTest(name = "{0}: {1}, {2}, {3}")
        @CsvSource(delimiter = '|', value = {
                "US| 47 CFR 64.1200(c)(1)| HIGH| MONDAY-SUNDAY 08:00-21:00",
                "US-DC| D.C. Code § 22-3226.08(3)| HIGH| MONDAY-SUNDAY 08:00-21:00",
                "US-FL| Fla. Stat. 501.616(6)| HIGH| MONDAY-SUNDAY 08:00-20:00",
                "US-OK| 15 O.S. § 775C.1 et seq.| MEDIUM| MONDAY-SUNDAY 08:00-20:00",
                "US-MD| Maryland Stop the Spam Calls Act of 2023 (SB 90)| HIGH| MONDAY-SUNDAY 08:00-20:00",
                "US-CT| Conn. Gen. Stat. § 42-288a| HIGH| MONDAY-SUNDAY 09:00-20:00",
                "US-WA| RCW 19.158.040(2)| HIGH| MONDAY-SUNDAY 08:00-20:00",
                "US-MA| 201 CMR 12.02(2)| HIGH| MONDAY-SUNDAY 08:00-20:00",
                "US-UT| Utah Code § 13-25a-103(3)| HIGH| MONDAY-SATURDAY 08:00-21:00, closed on US-UT public holidays",
                "US-AL| Ala. Admin. Code r. 770-X-5-.17(1)(b)| MEDIUM| MONDAY-SATURDAY 08:00-20:00, closed on US-AL public holidays (weekend holidays also close the nearest weekday)",
                "US-LA| LPSC General Order R-29617 (Do Not Call Program); emergency ban La. R.S. 45:844.31| MEDIUM| MONDAY-SATURDAY 08:00-20:00, closed on US-LA public holidays",
                "US-MS| Miss. Code § 77-3-603(a) (hours); Sundays § 77-3-723(1)| UNCERTAIN| MONDAY-SATURDAY 08:00-20:00",
                "US-TX| Tex. Bus. & Com. Code § 301.051| UNCERTAIN| MONDAY-SATURDAY 09:00-21:00; SUNDAY 12:00-21:00",
                "US-RI| R.I. Gen. Laws § 5-61-3.6| UNCERTAIN| MONDAY-SATURDAY 09:00-18:00, closed on US-RI public holidays",
                "CA| CRTC Unsolicited Telecommunications Rules| HIGH| MONDAY-FRIDAY 09:00-21:30; SATURDAY-SUNDAY 10:00-18:00",
                "FR| Code de la consommation art. D223-9 (Décret 2022-1313)| HIGH| MONDAY-FRIDAY 10:00-13:00, 14:00-20:00, closed on FR public holidays",
                "AU| Telecommunications (Telemarketing and Research Calls) Industry Standard 2017| HIGH| MONDAY-FRIDAY 09:00-20:00; SATURDAY 09:00-17:00, closed on AU public holidays",
                "IN| TRAI Telecom Commercial Communications Customer Preference Regulations 2018| UNCERTAIN| MONDAY-SUNDAY 09:00-21:00"})
        @DisplayName("states each jurisdiction of the domain research with its citation and confidence")
        void jurisdictions(String jurisdiction, String citation, Confidence confidence, String windows) {
            ContactWindowRule rule = RulePack.standard().rules().stream()
                    .filter(r -> r.jurisdiction().equals(Jurisdiction.of(jurisdiction))).findFirst().orElseThrow();

            assertThat(rule.regulation().citation()).isEqualTo(citation);
            assertThat(rule.confidence()).isEqualTo(confidence);
            assertThat(rule.describeWindows()).isEqualTo(windows);
            assertThat(rule.kinds()).containsExactly(MessageKind.MARKETING);
        }

        @Test
        @DisplayName("is versioned and carries effective dates where the law has them")
        void versionAndDates() {
            RulePack pack = RulePack.standard();

            assertThat(pack.describe()).isEqualTo("harness-sms-contact-windows 2026.12.1 (21 rules, 3 caps)");
            assertThat(pack.rule("us-fl-501.616").orElseThrow().regulation().effectiveFrom())
                    .contains(LocalDate.of(2021, 7, 1));
            assertThat(pack.rule("fr-d223-9").orElseThrow().regulation().effectiveFrom())
                    .contains(LocalDate.of(2023, 3, 1));
            assertThat(pack.rules()).allSatisfy(rule -> assertThat(rule.notes()).isNotBlank());
        }

        @Test
        @DisplayName("closes Utah on Pioneer Day and Alabama on the Monday after a Sunday Christmas")
        void holidays() {
            ContactWindowRule utah = RulePack.standard().rule("us-ut-13-25a-103").orElseThrow();
            ContactWindowRule alabama = RulePack.standard().rule("us-al-770-x-5.17").orElseThrow();

            assertThat(utah.windowsOn(LocalDate.of(2026, 7, 24))).isEmpty();
            assertThat(utah.closureOn(LocalDate.of(2026, 7, 24))).hasValue("closed on a public holiday (Pioneer Day, US-UT)");
            assertThat(utah.windowsOn(LocalDate.of(2026, 7, 23))).hasToString("[08:00-21:00]");
            assertThat(utah.closureOn(LocalDate.of(2026, 7, 26))).hasValue("closed on Sundays");
            assertThat(alabama.closureOn(LocalDate.of(2022, 12, 26))).hasValueSatisfying(
                    closure -> assertThat(closure).contains("Christmas"));
            assertThat(utah.dayPartitionRule().getPartitions(net.time4j.PlainDate.of(2026, 7, 23))).hasSize(1);
        }
    }

    @Nested
    @DisplayName("a rule set")
    class RuleSets {

        @Test
        @DisplayName("with high-confidence rules only drops medium and uncertain ones but still covers their countries")
        void strictness() {
            RuleSet cited = RuleSet.builder().pack(RulePack.standard()).strictness(Strictness.HIGH_CONFIDENCE_ONLY).build();

            assertThat(cited.rules()).extracting(ContactWindowRule::confidence).containsOnly(Confidence.HIGH);
            assertThat(cited.rulesFor(Jurisdiction.of("US-AL"), MessageKind.MARKETING))
                    .extracting(ContactWindowRule::id).containsExactly("us-tcpa-64.1200-c-1");
            assertThat(cited.covers(Jurisdiction.of("FR"))).isTrue();
            assertThat(cited.covers(Jurisdiction.of("IN"))).as("every rule for India is uncertain").isFalse();
            assertThat(cited.whyNotCovered(Jurisdiction.of("AE"))).contains("no enforced rule covers AE: strictness"
                    + " HIGH_CONFIDENCE_ONLY dropped every rule written for it");
            assertThat(cited.covers(Jurisdiction.of("BR"))).isFalse();
            assertThat(cited.whyNotCovered(Jurisdiction.of("BR"))).contains("no rule covers BR");
            assertThat(cited.version()).isEqualTo("harness-sms-contact-windows 2026.12.1, high-confidence rules only");
        }

        @Test
        @DisplayName("takes the team's overrides and additions, always enforced")
        void teamRules() {
            ContactWindowRule stricterFlorida = rule("us-fl-501.616", "US-FL", Confidence.UNCERTAIN)
                    .window(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-19:00").build();
            ContactWindowRule emergency = rule("us-la-emergency-2026-08", "US-LA", Confidence.HIGH).closedEveryDay().build();

            RuleSet rules = RuleSet.builder().pack(RulePack.standard()).strictness(Strictness.HIGH_CONFIDENCE_ONLY)
                    .override(stricterFlorida).add(emergency).build();

            assertThat(rules.rulesFor(Jurisdiction.of("US-FL"), MessageKind.MARKETING)).contains(stricterFlorida);
            assertThat(rules.rulesFor(Jurisdiction.of("US-LA"), MessageKind.MARKETING)).contains(emergency);
            assertThat(rules.version()).endsWith("team: overrides us-fl-501.616, adds us-la-emergency-2026-08");
        }

        @Test
        @DisplayName("rejects an override of a rule no pack has, and an addition that reuses an id")
        void badTeamRules() {
            ContactWindowRule unknown = rule("us-zz-nothing", "US-GA", Confidence.HIGH)
                    .window(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, "08:00-20:00").build();
            ContactWindowRule reused = rule("us-fl-501.616", "US-FL", Confidence.HIGH)
                    .window(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, "08:00-20:00").build();

            assertThatThrownBy(() -> RuleSet.builder().pack(RulePack.standard()).override(unknown).build())
                    .isInstanceOf(RuleDataException.class)
                    .hasMessageStartingWith("override(...) names rule 'us-zz-nothing', which no pack has: use add(...)");
            assertThatThrownBy(() -> RuleSet.builder().pack(RulePack.standard()).add(reused).build())
                    .isInstanceOf(RuleDataException.class)
                    .hasMessage("add(...) reuses rule id 'us-fl-501.616': use override(...) to replace a pack rule, or"
                            + " give the new rule its own id");
            assertThatThrownBy(() -> RuleSet.builder().pack(RulePack.standard()).pack(RulePack.standard()).build())
                    .hasMessageContaining("is in both pack 'harness-sms-contact-windows' and pack");
        }
    }

    @Nested
    @DisplayName("rejects broken rule data with a clear message")
    class BrokenData {

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = '|', value = {
                "window: mon-fri 10:00-14:00| acme (pack acme) line 4: Rule 'us-fl-501.616' (Fla. Stat. 501.616(6)) has overlapping windows 08:00-20:00 and 10:00-14:00 on MONDAY: merge them into one window",
                "window: sat 20:00-20:00| acme (pack acme) line 10: Window 20:00-20:00 is empty: it must close after it opens; a window across midnight is two windows on two days",
                "window: sat 21:00-08:00| acme (pack acme) line 10: Window 21:00-08:00 is empty",
                "window: sat 8am-9pm| acme (pack acme) line 10: Window '8am-9pm' is not of the form HH:MM-HH:MM, such as 08:00-21:00",
                "window: sat 08:00-25:00| acme (pack acme) line 10: Window '08:00-25:00' has a time that does not exist",
                "window: fri-mon 08:00-20:00| acme (pack acme) line 10: the days 'fri-mon' are not a run from Monday towards Sunday",
                "window: someday 08:00-20:00| acme (pack acme) line 10: unknown day 'someday'",
                "closed-on-holidays: XX| acme (pack acme) line 10: Rule 'us-fl-501.616' has an unknown holiday calendar: Unknown jurisdiction code 'XX'",
                "colour: blue| acme (pack acme) line 10: unknown key 'colour'",
                "kinds: marketing| acme (pack acme) line 10: 'kinds' is given twice in one rule",
                "no-source: not found online| acme (pack acme) line 4: Regulation 'us-fl-501.616' has no source URL but claims high confidence: a reviewer cannot check it, so lower the confidence to medium or uncertain"})
        @DisplayName("in a rule's windows or keys")
        void windows(String extraLine, String message) {
            assertThatThrownBy(() -> RulePack.parse("acme", HEADER + FLORIDA + extraLine + "\n"))
                    .isInstanceOf(RuleDataException.class).hasMessageStartingWith(message);
        }

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = '|', value = {
                "jurisdiction: US-FL|jurisdiction: US-ZZ|acme (pack acme) line 4: Rule 'us-fl-501.616' (Fla. Stat. 501.616(6)) has an unknown jurisdiction code US-ZZ: not a US state, DC, US territory or Canadian province",
                "jurisdiction: US-FL|jurisdiction: ZZ|acme (pack acme) line 5: Unknown jurisdiction code 'ZZ'",
                "citation: Fla. Stat. 501.616(6)|title: no citation|acme (pack acme) line 4: rule 'us-fl-501.616' has no citation: add 'citation: <statute or rule a counsel can look up>'",
                "confidence: high|confidence: sure|acme (pack acme) line 7: unknown confidence 'sure'; use high, medium or uncertain",
                "kinds: marketing|kinds: spam|acme (pack acme) line 8: unknown message kind 'spam'",
                "window: mon-sun 08:00-20:00|notes: no window|acme (pack acme) line 4: Rule 'us-fl-501.616' (Fla. Stat. 501.616(6)) has no window on any day, which would forbid all contact",
                "rule: us-fl-501.616|rule: US FL|acme (pack acme) line 4: Regulation id 'US FL' must be lower-case",
                "jurisdiction: US-FL|jurisdiction: EU|acme (pack acme) line 4: Rule 'us-fl-501.616' (Fla. Stat. 501.616(6)) has an unknown jurisdiction code EU: no recipient can be located there (not a country with a telephone numbering plan). Known codes: the ISO 3166-1 code of a country with a numbering plan (such as US, CA, FR, AU, IN), the US states, DC and territories and the Canadian provinces [US-AL, US-AK, "})
        @DisplayName("in a rule's provenance")
        void provenance(String line, String replacement, String message) {
            assertThatThrownBy(() -> RulePack.parse("acme", HEADER + FLORIDA.replace(line, replacement)))
                    .isInstanceOf(RuleDataException.class).hasMessageStartingWith(message);
        }

        @Test
        @DisplayName("in the pack: a missing header or two rules with one id")
        void pack() {
            assertThatThrownBy(() -> RulePack.parse("acme", FLORIDA)).isInstanceOf(RuleDataException.class)
                    .hasMessage("acme: the pack needs a header with 'pack: <name>' and 'version: <version>'");
            assertThatThrownBy(() -> RulePack.parse("acme", HEADER + FLORIDA + "\n" + FLORIDA))
                    .isInstanceOf(RuleDataException.class)
                    .hasMessage("acme: Rule pack 'acme' has two rules with id 'us-fl-501.616': give each rule its own id");
        }

        @Test
        @DisplayName("in rules built in code")
        void builder() {
            assertThatThrownBy(() -> rule("us-fl-x", "US-FL", Confidence.HIGH).kinds(MessageKind.MARKETING).build())
                    .hasMessageContaining("has no window on any day");
            assertThatThrownBy(() -> ContactWindowRule.builder(regulation("us-fl-x", "US-FL", Confidence.HIGH))
                    .window(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, "08:00-20:00").build())
                    .hasMessage("Rule 'us-fl-x' (Test citation) covers no message kinds: add kinds(MessageKind.MARKETING, ...)");
            assertThatThrownBy(() -> rule("us-fl-x", "US-FL", Confidence.HIGH).closedEveryDay()
                    .window(DayOfWeek.MONDAY, DailyWindow.parse("08:00-09:00")).build())
                    .hasMessageContaining("is closed every day and also has windows");
            assertThatThrownBy(() -> rule("us-fl-x", "US-FL", Confidence.HIGH).closedOnHolidays("US-PR")
                    .window(DayOfWeek.MONDAY, DailyWindow.parse("08:00-09:00")).build())
                    .hasMessageContaining("has an unknown holiday calendar US-PR: Jollyday's US calendar has no subdivision 'pr'");
            assertThatThrownBy(() -> DailyWindow.between(LocalTime.of(8, 0, 30), LocalTime.of(9, 0)))
                    .hasMessage("Window 08:00:30-09:00 must start and end on whole minutes");
        }
    }

    @Test
    @DisplayName("windows are start-inclusive and end-exclusive; 24:00 ends the day")
    void dailyWindow() {
        DailyWindow window = DailyWindow.parse("08:00-21:00");
        DailyWindow evening = DailyWindow.parse("20:00-24:00");

        assertThat(window.contains(LocalTime.of(8, 0))).isTrue();
        assertThat(window.contains(LocalTime.of(20, 59, 59))).isTrue();
        assertThat(window.contains(LocalTime.of(21, 0))).isFalse();
        assertThat(evening.contains(LocalTime.MAX)).isTrue();
        assertThat(evening).hasToString("20:00-24:00");
        assertThat(window.overlaps(evening)).isTrue();
    }

    private static Regulation regulation(String id, String jurisdiction, Confidence confidence) {
        return Regulation.builder(id).citation("Test citation").jurisdiction(jurisdiction).confidence(confidence).build();
    }

    private static ContactWindowRule.Builder rule(String id, String jurisdiction, Confidence confidence) {
        return ContactWindowRule.builder(regulation(id, jurisdiction, confidence)).kinds(MessageKind.MARKETING);
    }
}
