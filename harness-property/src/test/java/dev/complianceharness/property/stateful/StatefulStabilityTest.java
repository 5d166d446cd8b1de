package dev.complianceharness.property.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.property.Property;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the command sequences the engine generates for a fixed seed (see
 * {@code GenerationStabilityTest}): speed work on the engine must not change a generated sequence.
 */
@DisplayName("Generated command sequences")
class StatefulStabilityTest {

    @TempDir
    Path failures;

    @Test
    @DisplayName("stay the same for the same seed")
    void sameSequences() throws NoSuchAlgorithmException {
        StringBuilder runs = new StringBuilder();
        Property.forAll(Banks.property(Banks.SynchronizedAccount::new).steps(0, 12).sequences())
                .seed(31L).tries(200).storeFailuresIn(failures)
                .check(run -> runs.append(run).append('\n'));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(runs.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(digest, 0, 8)).isEqualTo("7e4367a8759b8717");
    }
}
