package dev.complianceharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.report.internal.ReportAggregator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The aggregate report of a multi-module build")
class ReportAggregatorTest {

    @Test
    @DisplayName("gathers every module's report and fails its gate when one module's gate fails")
    void aggregatesModules(@TempDir Path root) throws Exception {
        writeModuleReport(root, "billing", "status=PASS\nzones=2\ninvariants=5\nfailedInvariants=0\nproperties=1\n");
        writeModuleReport(root, "messaging/sms", "status=FAIL\nzones=1\ninvariants=3\nfailedInvariants=1\nproperties=0\n"
                + "failure.1=invariant sms.us.quiet-hours was violated in 1 test\n");

        Path index = new ReportAggregator(root.resolve("target/compliance-report")).aggregate();

        assertThat(Files.readString(root.resolve("target/compliance-report/gate.txt"))).isEqualTo("""
                status=FAIL
                failure.1=messaging/sms: invariant sms.us.quiet-hours was violated in 1 test
                """);
        assertThat(Files.readString(root.resolve("target/compliance-report/report.json")))
                .contains("{\"module\": \"billing\", \"report\": {\"from\": \"billing\"}}")
                .contains("{\"module\": \"messaging/sms\", \"report\": {\"from\": \"messaging/sms\"}}")
                .contains("\"gate\": \"FAIL\"");
        assertThat(Files.readString(index))
                .contains("<a href=\"../../billing/target/compliance-report/index.html\">billing</a>")
                .contains("<a href=\"../../messaging/sms/target/compliance-report/index.html\">messaging/sms</a>")
                .contains("<h2>Gate: FAIL</h2>");
    }

    private static void writeModuleReport(Path root, String module, String gate) throws Exception {
        Path directory = Files.createDirectories(root.resolve(module).resolve("target/compliance-report"));
        Files.writeString(directory.resolve("gate.txt"), gate);
        Files.writeString(directory.resolve("report.json"), "{\"from\": \"" + module + "\"}\n");
        Files.writeString(directory.resolve("index.html"), "<html></html>");
    }
}
