package dev.complianceharness.governance.internal;

import java.util.Locale;
import java.util.Set;

/** Decides whether a class, package or method name is about security: tokens, passwords, keys, sessions. */
public final class SecurityNames {

    /** Parts that make a name security-related wherever they occur in it. */
    private static final Set<String> PARTS = Set.of("secur", "token", "password", "passwd", "secret", "crypt", "auth",
            "session", "credential", "apikey", "captcha", "signature");
    /** Whole words that make a name security-related (too short to match inside other words). */
    private static final Set<String> WORDS = Set.of("otp", "totp", "hotp", "key", "keys", "pin", "salt", "nonce", "iv",
            "csrf", "xsrf", "jwt", "mfa");

    private SecurityNames() {
    }

    /**
     * @param name a class, package or method name, in any case style
     * @return true when one of its parts or words names a security concept
     */
    public static boolean isSecurityRelated(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String part : PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        for (String word : name.split("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+")) {
            if (WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
