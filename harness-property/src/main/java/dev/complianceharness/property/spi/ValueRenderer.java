package dev.complianceharness.property.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Renders a value the property engine is about to show — an original or shrunk example, a command's arguments,
 * result or model — as text that is safe to show. The engine knows nothing of personal data; its host does, and
 * knows by a value's type what to redact (harness-core registers its one value renderer). Implementations are
 * found through {@link java.util.ServiceLoader} and asked in the order found; the first rendering is used, and
 * its text still passes the {@link TextRedactor}s. A renderer returns null for a value it leaves to the engine,
 * which then renders it itself and redacts the text, as it does when none is registered.
 *
 * <pre>{@code
 * public final class MyRenderer implements ValueRenderer {
 *     public String render(Object value) {
 *         return value instanceof Customer customer ? "Customer[" + customer.id() + "]" : null;
 *     }
 * }
 * // META-INF/services/dev.complianceharness.property.spi.ValueRenderer: com.example.MyRenderer
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
@FunctionalInterface
public interface ValueRenderer {

    /**
     * Renders a value.
     *
     * @param value the value, possibly null
     * @return its rendering, safe to show; null to leave the value to the engine
     */
    String render(Object value);
}
