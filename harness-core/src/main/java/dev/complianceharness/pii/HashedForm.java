package dev.complianceharness.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A hash of a planted value that the canary search can treat as a leak: the hex (either case) or Base64
 * digest of the value as planted and of its normalised forms (an e-mail address lower-cased, a phone number
 * in E.164 and digits-only form, a number without separators, a name lower-cased). Off by default: whether
 * a hash in the logs is acceptable is a policy choice. Under the GDPR a hash of personal data is
 * pseudonymous, still personal data (Recital 26: data that can be attributed to a person with additional
 * information, such as the list of customers to hash and compare, remains personal data); MD5 and SHA-1 of
 * an e-mail address or phone number are reversed by hashing every candidate.
 *
 * <pre>{@code
 * @NoPiiInLogs(hashes = {HashedForm.SHA_256, HashedForm.SHA_1, HashedForm.MD5})
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum HashedForm {
    /** SHA-256. */
    SHA_256("SHA-256"),
    /** SHA-1. */
    SHA_1("SHA-1"),
    /** MD5. */
    MD5("MD5");

    private final String algorithm;

    HashedForm(String algorithm) {
        this.algorithm = algorithm;
    }

    /** @return the JCA name of the digest, such as {@code SHA-256} */
    public String algorithm() {
        return algorithm;
    }
}
