package dev.complianceharness.mask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.mask.PiiKind;
import dev.complianceharness.mask.RedactionPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A token's keyed hash")
class TokensTest {

    @Test
    @DisplayName("is SipHash-2-4, matching the reference vector of its paper")
    void sipHashReferenceVector() {
        byte[] message = new byte[15];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) i;
        }
        // key 00 01 .. 0f read little-endian, message 00 01 .. 0e: Aumasson and Bernstein, SipHash, appendix A
        assertThat(Tokens.sipHash24(0x0706050403020100L, 0x0f0e0d0c0b0a0908L, message)).isEqualTo(0xa129ca6149be45e5L);
    }

    @Test
    @DisplayName("is the same for one value in every spelling, and differs between values and kinds")
    void stableWithinTheRun() {
        RedactionPolicy policy = RedactionPolicy.defaults();
        String first = Tokens.of(PiiKind.PHONE, "+1 305-555-0147", policy);

        assertThat(Tokens.of(PiiKind.PHONE, "+13055550147", policy)).isEqualTo(first).matches(Tokens.TOKEN.pattern());
        // the same visible part (country, area code, last two digits): only the keyed hash tells them apart
        String other = Tokens.of(PiiKind.PHONE, "+13055551147", policy);
        assertThat(other).startsWith(first.substring(0, first.indexOf('#'))).isNotEqualTo(first);
        String ada = Tokens.of(PiiKind.EMAIL, "ada@example.com", policy);
        String bob = Tokens.of(PiiKind.EMAIL, "bob@example.com", policy);
        assertThat(bob).startsWith(ada.substring(0, ada.indexOf('#'))).isNotEqualTo(ada);
    }
}
