package dev.complianceharness.mask;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks personal data: a field, a record component (which carries it to the field and accessor), a
 * parameter, or a whole type whose instances are personal data. The ArchUnit rules in
 * {@code dev.complianceharness.pii.arch.PiiRules} use it to find classes that hold PII, and
 * {@link dev.complianceharness.pii.arch.PiiToStringCheck} uses it to fill such fields with canary values.
 *
 * <pre>{@code
 * record Customer(String id, @Pii(PiiKind.EMAIL) String email, @Pii(PiiKind.PHONE) String phone) {
 *     @Override public String toString() { return "Customer[" + id + "]"; }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
@API(status = STABLE, since = "0.1.0")
public @interface Pii {

    /**
     * What kind of personal data it is; {@link PiiKind#OTHER} when none fits.
     *
     * @return the kind
     */
    PiiKind value() default PiiKind.OTHER;
}
