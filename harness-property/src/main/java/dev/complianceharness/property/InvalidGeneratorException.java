package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A generator was configured so that it cannot produce values: an invalid range, an empty {@code oneOf},
 * an impossible size bound, or a filter that rejects (nearly) everything. The message names the generator
 * and says how to fix it.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public class InvalidGeneratorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the generator, and how to fix it
     */
    public InvalidGeneratorException(String message) {
        super(message);
    }
}
