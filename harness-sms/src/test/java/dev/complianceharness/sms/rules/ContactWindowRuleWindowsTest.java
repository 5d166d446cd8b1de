package dev.complianceharness.sms.rules;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.sms.MessageKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A contact-window rule's windows, computed without starting time4j")
class ContactWindowRuleWindowsTest {

    @Test
    @DisplayName("agree with its time4j DayPartitionRule for every shipped rule on every day from 2020 to 2035")
    void agreeWithDayPartitionRule() {
        List<String> disagreements = new ArrayList<>();
        int days = 0;
        for (ContactWindowRule rule : RulePack.standard().rules()) {
            for (LocalDate day = LocalDate.of(2020, 1, 1); day.getYear() <= 2035; day = day.plusDays(1)) {
                days++;
                if (!rule.windowsOn(day).equals(rule.windowsOnFromDayPartitionRule(day))) {
                    disagreements.add(rule.id() + " on " + day + ": " + rule.windowsOn(day) + " vs "
                            + rule.windowsOnFromDayPartitionRule(day));
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(days).isGreaterThan(20 * 5_800);
    }

    @Test
    @DisplayName("join touching windows as the DayPartitionRule does")
    void touchingWindows() {
        ContactWindowRule split = ContactWindowRule.builder(Regulation.builder("acme-split").citation("Acme policy 1")
                        .jurisdiction("US").confidence(Confidence.HIGH).build())
                .kinds(MessageKind.MARKETING)
                .window(DayOfWeek.MONDAY, DayOfWeek.MONDAY, "12:00-20:00", "08:00-12:00", "21:00-22:00")
                .build();
        LocalDate monday = LocalDate.of(2025, 6, 2);

        assertThat(split.windowsOn(monday)).hasToString("[08:00-20:00, 21:00-22:00]")
                .isEqualTo(split.windowsOnFromDayPartitionRule(monday));
        assertThat(split.windowsOn(monday.plusDays(1))).isEmpty();
    }
}
