package dev.complianceharness.sms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules index {@code docs/sms-rules.md} is generated from the shipped rule data and must be current. Regenerate it
 * with {@code mvn -pl harness-sms -am verify -Dtest=RulesIndexTest -Dsurefire.failIfNoSpecifiedTests=false
 * -DwriteSmsRulesIndex=true}.
 */
@DisplayName("The SMS rules index (docs/sms-rules.md)")
class RulesIndexTest {

    private static final String RESOURCE = "harness-sms/src/main/resources/dev/complianceharness/sms/rules/contact-windows.rules";
    private static final Path INDEX = Path.of("..", "docs", "sms-rules.md");

    @Test
    @DisplayName("lists every shipped rule with its jurisdiction, place in the pack, citation and source, and is current")
    void isCurrent() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("writeSmsRulesIndex")) {
            Files.writeString(INDEX, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(INDEX)).as("%s exists; regenerate it (see RulesIndexTest)", INDEX).isTrue();
        assertThat(Files.readString(INDEX, StandardCharsets.UTF_8))
                .as("docs/sms-rules.md is out of date: regenerate it with -DwriteSmsRulesIndex=true")
                .isEqualTo(generated);
        for (ContactWindowRule rule : RulePack.standard().rules()) {
            assertThat(generated).contains("| `" + rule.id() + "` |");
        }
        for (FrequencyCapRule cap : RulePack.standard().caps()) {
            assertThat(generated).contains("| `" + cap.id() + "` |");
        }
    }

    static String generate() throws IOException {
        String[] lines;
        try (InputStream in = RulePack.class.getResourceAsStream("contact-windows.rules")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n", -1);
        }
        RulePack pack = RulePack.standard();
        StringBuilder text = new StringBuilder();
        text.append("# SMS rules index\n\n")
                .append("Generated from the rule data shipped with harness-sms by `RulesIndexTest`; do not edit by hand.\n")
                .append("Pack `").append(pack.id()).append("` version ").append(pack.version()).append(", ")
                .append(pack.rules().size()).append(" contact-window rules and ").append(pack.caps().size())
                .append(" frequency caps, in [`").append(RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1))
                .append("`](../").append(RESOURCE).append("). Not legal advice: each rule carries its citation and")
                .append(" confidence for a team's counsel to review.\n\n")
                .append("| rule | jurisdiction | where in the pack | window or cap | citation | confidence | source |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ContactWindowRule rule : pack.rules()) {
            row(text, lines, rule.regulation(), rule.describeWindows());
        }
        for (FrequencyCapRule cap : pack.caps()) {
            row(text, lines, cap.regulation(), "cap: " + cap.describeLimit());
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String[] lines, dev.complianceharness.invariant.Regulation regulation,
                            String what) {
        int line = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals("rule: " + regulation.id())) {
                line = i + 1;
            }
        }
        String source = regulation.source().map(uri -> "<" + uri + ">")
                .orElseGet(() -> "none: " + regulation.missingSourceReason().orElse("(no reason given)"));
        text.append("| `").append(regulation.id()).append("` | ").append(regulation.jurisdiction()).append(" | [line ")
                .append(line).append("](../").append(RESOURCE).append("#L").append(line).append(") | ")
                .append(what).append(" | ").append(regulation.citation()).append(" | ")
                .append(regulation.confidence().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                .append(source.replace("|", "\\|")).append(" |\n");
    }
}
