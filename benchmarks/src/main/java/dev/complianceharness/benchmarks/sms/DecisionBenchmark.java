package dev.complianceharness.benchmarks.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.Decision;
import dev.complianceharness.sms.decision.QuietHours;
import dev.complianceharness.sms.recipient.RecipientResolver;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.rules.ContactWindowRule;
import dev.complianceharness.sms.rules.DailyWindow;
import dev.complianceharness.sms.rules.RuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Warm, single-thread quiet-hours decisions per second: {@link QuietHours#decide} against the naive
 * per-message approach a team would otherwise write (parse the number with libphonenumber, look up its
 * zones, its state in an area-code map, convert the instant with java.time and check each rule's
 * windows, every time), on the
 * same 1,024 recipients and instants (seed 20261201), measured in the same run.
 *
 * <p>The naive baseline is given every advantage: it skips holidays (the recipients are in states
 * without holiday rules, so both agree, which {@link Inputs#setUp()} checks), does not compute the next
 * permitted instant, and reuses the rule lists. Run it short on a busy machine:
 * {@code java -jar benchmarks/target/benchmarks.jar DecisionBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class DecisionBenchmark {

    private static final int SIZE = 1024;
    private static final long SEED = 20261201L;
    private static final String[] NUMBER_PREFIXES = {
            "+1850", "+1305", "+1407", "+1405", "+1918", "+1410", "+1301", "+1203", "+1860", "+1206", "+1509",
            "+1617", "+1413", "+1512", "+1214", "+1713", "+1404", "+1212", "+1415", "+1213", "+1202", "+1208",
            "+1605", "+1416", "+1514", "+1604"};

    /** The recipients and instants, the decision engine (warmed) and the naive approach's lookups. */
    @State(Scope.Thread)
    public static class Inputs {
        final Recipient[] recipients = new Recipient[SIZE];
        final Instant[] instants = new Instant[SIZE];
        final QuietHours quietHours = QuietHours.standard();
        final Naive naive = new Naive(RuleSet.standard());
        int next;

        /** Builds the inputs, warms the engine's caches and checks that both approaches agree. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(SEED);
            long from = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
            long to = Instant.parse("2027-01-01T00:00:00Z").getEpochSecond();
            for (int i = 0; i < SIZE; i++) {
                String prefix = NUMBER_PREFIXES[random.nextInt(NUMBER_PREFIXES.length)];
                recipients[i] = Recipient.of(prefix + "555" + String.format(Locale.ROOT, "%04d", 100 + random.nextInt(100)));
                instants[i] = Instant.ofEpochSecond(random.nextLong(from, to));
            }
            for (int i = 0; i < SIZE; i++) {
                boolean engine = quietHours.decide(recipients[i], instants[i], MessageKind.MARKETING).permitted();
                boolean baseline = naive.permitted(recipients[i].number(), instants[i]);
                if (engine != baseline) {
                    throw new IllegalStateException("The approaches disagree on " + recipients[i] + " at " + instants[i]
                            + ": " + quietHours.decide(recipients[i], instants[i], MessageKind.MARKETING).reason());
                }
            }
        }

        int nextIndex() {
            next = (next + 1) & (SIZE - 1);
            return next;
        }
    }

    /**
     * The engine, warm: permitted or not, and the next permitted instant.
     *
     * @param inputs the inputs
     * @return the next permitted instant, so the work is not eliminated
     */
    @Benchmark
    public Object decide(Inputs inputs) {
        int i = inputs.nextIndex();
        Decision decision = inputs.quietHours.decide(inputs.recipients[i], inputs.instants[i], MessageKind.MARKETING);
        return decision.permitted() ? Boolean.TRUE : decision.nextPermitted().orElse(null);
    }

    /**
     * The engine with the full explanation (candidates, local times, windows, reason) built every time.
     *
     * @param inputs the inputs
     * @return the reason
     */
    @Benchmark
    public String decideAndExplain(Inputs inputs) {
        int i = inputs.nextIndex();
        return inputs.quietHours.decide(inputs.recipients[i], inputs.instants[i], MessageKind.MARKETING).reason();
    }

    /**
     * The naive approach: parse, look up zones and state, convert with java.time, check the windows.
     *
     * @param inputs the inputs
     * @return whether permitted
     */
    @Benchmark
    public boolean naivePerMessage(Inputs inputs) {
        int i = inputs.nextIndex();
        return inputs.naive.permitted(inputs.recipients[i].number(), inputs.instants[i]);
    }

    /** What a team writes without the harness: everything per message, with java.time. */
    static final class Naive {
        private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();
        private final RuleSet rules;
        private final Map<String, List<ContactWindowRule>> rulesByJurisdiction = new HashMap<>();
        /** The area-code table a team would keep (built here once from the harness's resolver, outside the timing). */
        private final Map<Long, String> stateByAreaCode = new HashMap<>();
        /**
         * Every zone an area code's exchanges are in, as a careful team keeps it: libphonenumber answers exchanges it
         * does not list with the area code's main zone, so those may be in any of them.
         */
        private final Map<Long, List<String>> zonesByAreaCode = new HashMap<>();

        Naive(RuleSet rules) {
            this.rules = rules;
            for (String prefix : NUMBER_PREFIXES) {
                long areaCode = Long.parseLong(prefix.substring(2));
                RecipientResolver.standard().resolve(Recipient.of(prefix + "5550100")).jurisdictions().stream()
                        .findFirst().ifPresent(state -> stateByAreaCode.put(areaCode, state.code()));
                java.util.Set<String> all = new java.util.LinkedHashSet<>();
                for (long exchange = 200; exchange <= 999; exchange++) {
                    all.addAll(zones.getTimeZonesForNumber(new PhoneNumber().setCountryCode(1)
                            .setNationalNumber(areaCode * 10_000_000L + exchange * 10_000L + 100)));
                }
                all.remove(PhoneNumberToTimeZonesMapper.getUnknownTimeZone());
                zonesByAreaCode.put(areaCode, List.copyOf(all));
            }
        }

        boolean permitted(String number, Instant instant) {
            PhoneNumber parsed;
            try {
                parsed = numbers.parse(number, "ZZ");
            } catch (NumberParseException e) {
                return false;
            }
            String state = stateByAreaCode.get(parsed.getNationalNumber() / 10_000_000L);
            if (state == null) {
                return false;
            }
            List<ContactWindowRule> applicable = rulesByJurisdiction.computeIfAbsent(state,
                    code -> rules.rulesFor(Jurisdiction.of(code), MessageKind.MARKETING));
            for (String zone : zonesByAreaCode.get(parsed.getNationalNumber() / 10_000_000L)) {
                ZonedDateTime local = instant.atZone(ZoneId.of(zone));
                LocalDate date = local.toLocalDate();
                LocalTime time = local.toLocalTime();
                for (ContactWindowRule rule : applicable) {
                    if (rule.isInEffectOn(date) && !inside(rule.weeklyWindows().get(date.getDayOfWeek()), time)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean inside(List<DailyWindow> windows, LocalTime time) {
            if (windows == null) {
                return false;
            }
            for (DailyWindow window : windows) {
                if (window.contains(time)) {
                    return true;
                }
            }
            return false;
        }
    }
}
