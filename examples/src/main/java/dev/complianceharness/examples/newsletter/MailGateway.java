package dev.complianceharness.examples.newsletter;

/** Where the newsletter sends mail: an SMTP relay or an e-mail API in production, a recording outbox in tests. */
public interface MailGateway {

    /**
     * Sends one e-mail.
     *
     * @param email the e-mail
     */
    void send(Email email);
}
