package dev.complianceharness.sms.decision;

import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.recipient.Recipient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A test JVM's first decision")
class ColdStartTest {

    /** Run in a fresh JVM: decides for a Utah number (holidays, Sundays) and explains it. */
    public static void main(String[] args) {
        Decision decision = QuietHours.standard().decide(Recipient.of("+18015550123"),
                Instant.parse("2025-07-24T18:00:00Z"), MessageKind.MARKETING);
        System.out.println("DECISION " + decision.reason());
    }

    @Test
    @DisplayName("starts neither Jollyday (nor JAXB) nor time4j: holidays and zone offsets come from the compiled tables")
    void loadsNoJollydayNorTime4j(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException, InterruptedException {
        Path log = directory.resolve("classes.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                ColdStartTest.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(output).containsPattern("DECISION not permitted: MARKETING message to <phone \\+1 801 …23 #[0-9a-f]{4}>"
                + " at 2025-07-24T18:00:00Z: US-UT in America/Denver: local time 2025-07-24T12:00 \\(Thursday\\) is on a day"
                + " closed on a public holiday \\(Pioneer Day, US-UT\\)");
        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(loaded).as("classes loaded by the first decision").isNotEmpty()
                .noneMatch(line -> line.contains(" de.focus_shift.jollyday.") || line.contains(" net.time4j.")
                        || line.contains(" jakarta.xml.bind.") || line.contains(" org.glassfish.jaxb."));
    }
}
