package dev.complianceharness.mask;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The kinds of personal data the harness detects, plants as canaries, or lets a {@link Pii} annotation name. */
@API(status = STABLE, since = "0.1.0")
public enum PiiKind {
    /** A person's name. */
    NAME,
    /** An e-mail address. */
    EMAIL,
    /** A phone number. */
    PHONE,
    /** A payment card number (PAN). */
    CARD,
    /** A US Social Security number. */
    SSN,
    /** An International Bank Account Number. */
    IBAN,
    /** A postal address. */
    ADDRESS,
    /** A credential: an access key, private key, token or password. */
    SECRET,
    /** Personal data of another kind. */
    OTHER
}
