package dev.complianceharness.sms.recipient;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Jurisdiction;

import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One place a recipient may be: a jurisdiction whose law may claim the message and a time zone the
 * recipient's clock may show, with where each came from.
 *
 * @param jurisdiction the state, province or country
 * @param zone the time zone
 * @param jurisdictionSources where the jurisdiction came from
 * @param zoneSources where the zone came from
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record CandidateLocation(Jurisdiction jurisdiction, ZoneId zone, Set<LocationSource> jurisdictionSources,
                                Set<LocationSource> zoneSources) {

    /** Checks and copies the parts. */
    public CandidateLocation {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(zone, "zone");
        jurisdictionSources = Collections.unmodifiableSet(EnumSet.copyOf(jurisdictionSources));
        zoneSources = Collections.unmodifiableSet(EnumSet.copyOf(zoneSources));
    }

    /** @return for example {@code "US-FL in America/Chicago (jurisdiction from AREA_CODE, zone from EXCHANGE)"} */
    public String describe() {
        return jurisdiction + " in " + zone.getId() + " (jurisdiction from " + names(jurisdictionSources)
                + ", zone from " + names(zoneSources) + ")";
    }

    private static String names(Set<LocationSource> sources) {
        StringBuilder text = new StringBuilder();
        for (LocationSource source : sources) {
            text.append(text.length() == 0 ? "" : " and ").append(source.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' '));
        }
        return text.toString();
    }
}
