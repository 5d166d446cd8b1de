package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * How a property that held was run: returned by {@link PropertyCheck#check}.
 *
 * @param property  the property's name
 * @param tries     how many examples were tried and held
 * @param discarded how many generated examples were discarded (a filter or an assumption rejected them)
 * @param seed      the seed that replays the run
 * @param labels    how many tries carried each label
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PropertyResult(String property, int tries, int discarded, long seed, Map<String, Long> labels) {

    /** Copies the labels. */
    public PropertyResult {
        labels = Map.copyOf(labels);
    }
}
