package dev.complianceharness.liability;

import static org.apiguardian.api.API.Status.STABLE;

import dev.complianceharness.invariant.LiabilityTier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks code that can hurt the business when it breaks a rule: a package (on its
 * {@code package-info.java}, which then covers its sub-packages too) or a class (which wins over its
 * package, and covers its nested classes). The {@link LiabilityMap} collects the zones from compiled
 * classes, and the compliance report shows each zone with its owner, its regulations and the invariants
 * that guard it, and flags the zones that nothing guards.
 *
 * <pre>{@code
 * @LiabilityZone(tier = LiabilityTier.REGULATORY,
 *                regulations = {"us-tcpa-calling-hours", "us-fl-501.616"},
 *                owner = "messaging-compliance")
 * package com.acme.sms;
 *
 * import dev.complianceharness.invariant.LiabilityTier;
 * import dev.complianceharness.liability.LiabilityZone;
 * }</pre>
 *
 * <p>An invariant guards a zone when its regulation's id or citation is one of {@link #regulations()},
 * or when its id, or its module's id, is one of {@link #guardedBy()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@API(status = STABLE, since = "0.1.0")
public @interface LiabilityZone {

    /**
     * What kind of harm a failure here causes; the report colours the zone by it, and the report's gate
     * fails when a {@link LiabilityTier#REGULATORY} zone has no guarding invariant that ran and held.
     *
     * @return the liability tier
     */
    LiabilityTier tier();

    /**
     * The regulations this code is exposed to, as regulation ids (for example
     * {@code "us-can-spam-7704-a3"}) or citations (for example {@code "15 U.S.C. § 7704(a)(3)"}).
     *
     * @return the regulations; a {@code REGULATORY} zone must name at least one, or a guard
     */
    String[] regulations() default {};

    /**
     * The team or person who answers for this code. The governance rule
     * {@code GovernanceRules.CLASSES_IN_LIABILITY_ZONES_SHOULD_HAVE_AN_OWNER} fails while it is empty.
     *
     * @return the owner; empty when nobody was named yet
     */
    String owner() default "";

    /**
     * Invariant ids or module ids that guard this code beyond those matched through
     * {@link #regulations()}, for example {@code "can-spam.opt-out-link"} or {@code "examples.can-spam"}.
     *
     * @return the guarding invariants or modules
     */
    String[] guardedBy() default {};

    /**
     * The zone's name in the map and the report; declarations that share a name form one zone, and must
     * then agree on tier, owner, regulations and guards.
     *
     * @return the name; empty to use the package or class name
     */
    String name() default "";
}
