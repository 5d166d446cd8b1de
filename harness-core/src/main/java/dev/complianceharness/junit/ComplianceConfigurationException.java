package dev.complianceharness.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A compliance test is configured wrongly: a module that cannot be instantiated, an unknown module id,
 * a module without invariants, duplicate invariant ids. The message says what is wrong and how to fix it.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ComplianceConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and how to fix it
     */
    public ComplianceConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and how to fix it
     * @param cause   the underlying failure
     */
    public ComplianceConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
