package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * What kind of harm a broken invariant exposes the business to; the report colours zones by tier.
 */
@API(status = STABLE, since = "0.1.0")
public enum LiabilityTier {
    /** A regulator or a court can fine or sanction the business (TCPA, GDPR, PCI DSS). */
    REGULATORY,
    /** Money is lost or mis-booked (double captures, refunds above captures, unbalanced ledgers). */
    FINANCIAL,
    /** Customers lose trust, with no direct fine or loss of money. */
    REPUTATIONAL
}
