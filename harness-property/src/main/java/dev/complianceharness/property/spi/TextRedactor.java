package dev.complianceharness.property.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Redacts a text the property engine is about to show: failure messages, original and shrunk examples,
 * summaries, stored failures. The engine knows nothing of personal data; its host does. Implementations
 * are found through {@link java.util.ServiceLoader} (harness-core registers its redaction boundary) and
 * applied in the order found; with none registered, texts are shown as they are.
 *
 * <pre>{@code
 * public final class MyRedactor implements TextRedactor {
 *     public String redact(String text) {
 *         return text.replaceAll("\\d{13,19}", "<card>");
 *     }
 * }
 * // META-INF/services/dev.complianceharness.property.spi.TextRedactor: com.example.MyRedactor
 * }</pre>
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface TextRedactor {

    /**
     * Redacts a text.
     *
     * @param text the text, never null
     * @return the text safe to show
     */
    String redact(String text);
}
