package dev.complianceharness.sms.decision;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.decision.internal.CandidateRules;
import dev.complianceharness.sms.internal.LocationTables;
import dev.complianceharness.sms.decision.internal.Schedule;
import dev.complianceharness.sms.decision.internal.ZoneTimeline;
import dev.complianceharness.sms.recipient.CandidateLocation;
import dev.complianceharness.sms.recipient.CountryWideZones;
import dev.complianceharness.sms.recipient.Recipient;
import dev.complianceharness.sms.recipient.RecipientResolver;
import dev.complianceharness.sms.recipient.ResolvedRecipient;
import dev.complianceharness.sms.rules.ContactWindowRule;
import dev.complianceharness.sms.rules.DailyWindow;
import dev.complianceharness.sms.rules.RuleSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Point 8: the decision engine against a straightforward, independent java.time computation (the
 * recipient's wall clock read with {@code Instant.atZone}, each rule's windows, days and holidays checked
 * one by one), for every shipped rule pack jurisdiction x every candidate zone x every DST transition and
 * every window edge from 2020 to 2035, each at -1 s, 0 and +1 s.
 */
@DisplayName("The decision engine agrees with an independent java.time oracle")
class DecisionOracleTest {

    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2035, 12, 31);
    /** Instants a window can open are collected this many days past the last test day. */
    private static final int HORIZON_DAYS = 60;
    private static final MessageKind KIND = MessageKind.MARKETING;

    @Test
    @DisplayName("for every rule pack jurisdiction, candidate zone, DST transition and window edge 2020-2035 (+-1 s)")
    void everyJurisdictionZoneTransitionAndEdge() {
        RuleSet rules = RuleSet.standard();
        Map<Jurisdiction, Set<ZoneId>> matrix = matrix(rules);
        List<Map.Entry<Jurisdiction, ZoneId>> pairs = new ArrayList<>();
        matrix.forEach((jurisdiction, zones) -> zones.forEach(zone -> pairs.add(Map.entry(jurisdiction, zone))));
        List<String> disagreements = java.util.Collections.synchronizedList(new ArrayList<>());
        long checks = pairs.parallelStream().mapToLong(pair -> {
            List<ContactWindowRule> applicable = rules.rulesFor(pair.getKey(), KIND);
            Schedule schedule = new Schedule(List.of(new CandidateRules(new ZoneTimeline(pair.getValue()), applicable)));
            Oracle oracle = new Oracle(List.of(new OracleCandidate(pair.getValue(), applicable)));
            long[] points = oracle.testPoints();
            for (long second : points) {
                compare(pair.getKey() + " in " + pair.getValue(), schedule, oracle, second, disagreements);
            }
            return points.length;
        }).sum();
        assertThat(pairs).hasSizeGreaterThan(80);
        assertThat(checks).isGreaterThan(1_000_000);
        assertThat(disagreements).as("disagreements in %d checks", checks).isEmpty();
    }

    @Test
    @DisplayName("for real numbers with several candidates, through QuietHours.decide, 2025")
    void recipientsWithSeveralCandidates() {
        QuietHours quietHours = QuietHours.of(RuleSet.standard(),
                RecipientResolver.withCountryWideZones(CountryWideZones.ALL_ZONES_OF_THE_COUNTRY));
        List<Recipient> recipients = List.of(
                Recipient.of("+12085550100"),                              // Boise and Los Angeles
                Recipient.of("+16055550100"),                              // Denver and North Dakota
                Recipient.of("+17095550100"),                              // Puerto Rico and St Johns
                Recipient.of("+18505550123").withAddressIn("US-UT"),       // Florida number, Utah address
                Recipient.of("+14165550100").withProfileZone("Europe/Paris"),
                Recipient.of("+61412345678"));                             // 8 Australian zones
        List<String> disagreements = new ArrayList<>();
        long checks = 0;
        for (Recipient recipient : recipients) {
            ResolvedRecipient resolved = quietHours.resolver().resolve(recipient);
            assertThat(resolved.isLocated()).as(resolved.toString()).isTrue();
            List<OracleCandidate> candidates = new ArrayList<>();
            for (CandidateLocation location : resolved.candidates()) {
                candidates.add(new OracleCandidate(location.zone(),
                        quietHours.ruleSet().rulesFor(location.jurisdiction(), KIND)));
            }
            Oracle oracle = new Oracle(candidates, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
            for (long second : oracle.testPoints()) {
                checks++;
                Decision decision = quietHours.decide(recipient, Instant.ofEpochSecond(second), KIND);
                boolean expected = oracle.permits(second);
                Optional<Long> expectedNext = oracle.nextPermitted(second);
                Optional<Long> actualNext = decision.nextPermitted().map(Instant::getEpochSecond);
                if (decision.permitted() != expected || !actualNext.equals(expectedNext)) {
                    disagreements.add(recipient + " at " + Instant.ofEpochSecond(second) + ": decision "
                            + decision.permitted() + " next " + actualNext + ", oracle " + expected + " next " + expectedNext);
                }
                if (checks % 64 != 0) {
                    continue;
                }
                boolean candidatesAgree = decision.candidates().stream().allMatch(CandidateDecision::permitted);
                if (candidatesAgree != decision.permitted()) {
                    disagreements.add(recipient + " at " + Instant.ofEpochSecond(second)
                            + ": the candidates' explanations disagree with the decision");
                }
            }
        }
        assertThat(disagreements).as("disagreements in %d checks", checks).isEmpty();
    }

    @Test
    @DisplayName("for frequency caps: random sending histories of Florida, Oklahoma, Maryland and New York numbers, 2025")
    void capsWithSendingHistories() {
        QuietHours quietHours = QuietHours.standard();
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261201L);
        List<String> numbers = List.of("+13055550147", "+14055550147", "+14105550147", "+12125550147");
        List<String> disagreements = new ArrayList<>();
        int blocked = 0;
        int checks = 0;
        for (String number : numbers) {
            Recipient recipient = Recipient.of(number);
            ResolvedRecipient resolved = quietHours.resolver().resolve(recipient);
            List<OracleCandidate> candidates = new ArrayList<>();
            List<dev.complianceharness.sms.rules.FrequencyCapRule> caps = new ArrayList<>();
            for (CandidateLocation location : resolved.candidates()) {
                candidates.add(new OracleCandidate(location.zone(), quietHours.ruleSet().rulesFor(location.jurisdiction(), KIND)));
                quietHours.ruleSet().capsFor(location.jurisdiction(), KIND).stream().filter(cap -> !caps.contains(cap))
                        .forEach(caps::add);
            }
            Oracle windows = new Oracle(candidates, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
            for (int run = 0; run < 400; run++) {
                long base = Instant.parse("2025-02-01T00:00:00Z").getEpochSecond() + random.nextLong(300L * 86_400);
                List<Long> sent = new ArrayList<>();
                int count = random.nextInt(7);
                for (int i = 0; i < count; i++) {
                    sent.add(base + random.nextLong(-2L * 86_400, 2L * 86_400) / 600 * 600);
                }
                long at = base + random.nextLong(-86_400, 86_400);
                SendingHistory history = SendingHistory.empty();
                for (long second : sent) {
                    history = history.and(KIND, Instant.ofEpochSecond(second));
                }
                Decision decision = quietHours.decide(recipient, Instant.ofEpochSecond(at), KIND, history);
                boolean expected = windows.permits(at) && capsPermit(caps, sent, at);
                Optional<Long> expectedNext = nextPermitted(windows, caps, sent, at);
                Optional<Long> actualNext = decision.nextPermitted().map(Instant::getEpochSecond);
                checks++;
                blocked += windows.permits(at) && !capsPermit(caps, sent, at) ? 1 : 0;
                if (decision.permitted() != expected || !actualNext.equals(expectedNext)) {
                    disagreements.add(number + " at " + Instant.ofEpochSecond(at) + " after " + sent.stream()
                            .map(Instant::ofEpochSecond).toList() + ": decision " + decision.permitted() + " next "
                            + actualNext + ", oracle " + expected + " next " + expectedNext);
                }
                if (!decision.permitted() && windows.permits(at)) {
                    assertThat(decision.reason()).contains(" cap of 3 marketing messages per 24 h under ")
                            .contains(" is reached: 3 already sent or planned within 24 h of it");
                }
            }
        }
        assertThat(blocked).as("decisions blocked by a cap alone").isGreaterThan(50);
        assertThat(disagreements).as("disagreements in %d checks", checks).isEmpty();
    }

    /** A message at {@code at} is permitted unless some period holding it holds more than the cap's limit. */
    private static boolean capsPermit(List<dev.complianceharness.sms.rules.FrequencyCapRule> caps, List<Long> sent, long at) {
        for (dev.complianceharness.sms.rules.FrequencyCapRule cap : caps) {
            if (!cap.regulation().isInEffectOn(LocalDate.ofInstant(Instant.ofEpochSecond(at), java.time.ZoneOffset.UTC))) {
                continue;
            }
            long period = cap.period().toSeconds();
            List<Long> events = new ArrayList<>(sent);
            events.add(at);
            for (long start : events) {
                if (start <= at && at < start + period) {
                    long inside = events.stream().filter(event -> event >= start && event < start + period).count();
                    if (inside > cap.limit()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The first instant at or after {@code at} that windows and caps permit: a window opening or a cap's release. */
    private static Optional<Long> nextPermitted(Oracle windows, List<dev.complianceharness.sms.rules.FrequencyCapRule> caps,
                                                List<Long> sent, long at) {
        List<Long> releases = new ArrayList<>(List.of(at));
        for (dev.complianceharness.sms.rules.FrequencyCapRule cap : caps) {
            sent.forEach(second -> releases.add(second + cap.period().toSeconds()));
        }
        Optional<Long> best = Optional.empty();
        for (long release : releases) {
            if (release < at) {
                continue;
            }
            Optional<Long> open = windows.nextPermitted(release);
            if (open.isPresent() && capsPermit(caps, sent, open.get()) && (best.isEmpty() || open.get() < best.get())) {
                best = open;
            }
        }
        return best;
    }

    private static void compare(String where, Schedule schedule, Oracle oracle, long second, List<String> disagreements) {
        boolean expected = oracle.permits(second);
        boolean actual = schedule.permits(second);
        Optional<Long> expectedNext = expected ? Optional.of(second) : oracle.nextPermittedAfterForbidden(second);
        long next = schedule.earliestPermitted(second);
        Optional<Long> actualNext = next == Schedule.NEVER ? Optional.empty() : Optional.of(next);
        Schedule.Answer answer = schedule.answer(second);
        boolean answerAgrees = answer.permitted() == actual && (actual
                ? answer.boundary() == Schedule.NEVER || answer.boundary() > second && !schedule.permits(answer.boundary()) && schedule.permits(answer.boundary() - 1)
                : answer.boundary() == next);
        if (expected != actual || !expectedNext.equals(actualNext) || !answerAgrees) {
            if (disagreements.size() < 20) {
                disagreements.add(where + " at " + Instant.ofEpochSecond(second) + ": engine " + actual + " next "
                        + actualNext.map(Instant::ofEpochSecond) + ", oracle " + expected + " next "
                        + expectedNext.map(Instant::ofEpochSecond) + ", one-lookup answer " + answer);
            }
        }
    }

    /** Every rule jurisdiction of the pack, plus a state with federal rules only, with every candidate zone. */
    private static Map<Jurisdiction, Set<ZoneId>> matrix(RuleSet rules) {
        Map<Jurisdiction, Set<ZoneId>> matrix = new LinkedHashMap<>();
        Set<Jurisdiction> jurisdictions = new LinkedHashSet<>();
        rules.rules().forEach(rule -> jurisdictions.add(rule.jurisdiction()));
        jurisdictions.add(Jurisdiction.of("US-GA"));
        for (Jurisdiction jurisdiction : jurisdictions) {
            Set<ZoneId> zones = new TreeSet<>(java.util.Comparator.comparing(ZoneId::getId));
            if (jurisdiction.isSubdivision()) {
                zones.addAll(LocationTables.zonesOf(jurisdiction));
            } else if ("US".equals(jurisdiction.code())) {
                for (Jurisdiction state : LocationTables.knownSubdivisions()) {
                    if ("US".equals(state.country())) {
                        zones.addAll(LocationTables.zonesOf(state));
                    }
                }
            } else if ("CA".equals(jurisdiction.code())) {
                for (Jurisdiction province : LocationTables.knownSubdivisions()) {
                    if ("CA".equals(province.country())) {
                        zones.addAll(LocationTables.zonesOf(province));
                    }
                }
            } else {
                for (String id : com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper.getInstance()
                        .getTimeZonesForGeographicalNumber(new com.google.i18n.phonenumbers.Phonenumber.PhoneNumber()
                                .setCountryCode(com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance()
                                        .getCountryCodeForRegion(jurisdiction.code())).setNationalNumber(0))) {
                    zones.add(ZoneId.of(id));
                }
            }
            assertThat(zones).as("zones of %s", jurisdiction).isNotEmpty();
            matrix.put(jurisdiction, zones);
        }
        return matrix;
    }

    record OracleCandidate(ZoneId zone, List<ContactWindowRule> rules) {
    }

    /** The straightforward computation a careful person would write with java.time and Jollyday. */
    static final class Oracle {
        private static final Map<String, Map<Integer, Set<LocalDate>>> HOLIDAYS = new ConcurrentHashMap<>();

        private final List<OracleCandidate> candidates;
        private final LocalDate first;
        private final LocalDate last;
        private final long[] starts;

        Oracle(List<OracleCandidate> candidates) {
            this(candidates, FIRST, LAST);
        }

        Oracle(List<OracleCandidate> candidates, LocalDate first, LocalDate last) {
            this.candidates = candidates;
            this.first = first;
            this.last = last;
            this.starts = possibleStarts();
        }

        boolean permits(long second) {
            Instant instant = Instant.ofEpochSecond(second);
            for (OracleCandidate candidate : candidates) {
                ZonedDateTime local = instant.atZone(candidate.zone());
                for (ContactWindowRule rule : candidate.rules()) {
                    if (!rule.isInEffectOn(local.toLocalDate())) {
                        continue;
                    }
                    if (!open(rule, local.toLocalDate(), local.toLocalTime())) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean open(ContactWindowRule rule, LocalDate date, LocalTime time) {
            if (rule.closedEveryDay() || isHoliday(rule, date)) {
                return false;
            }
            List<DailyWindow> windows = rule.weeklyWindows().get(date.getDayOfWeek());
            if (windows == null) {
                return false;
            }
            for (DailyWindow window : windows) {
                int second = time.toSecondOfDay();
                if (second >= window.startMinute() * 60 && second < window.endMinute() * 60) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isHoliday(ContactWindowRule rule, LocalDate date) {
            if (rule.holidayCalendar().isEmpty()) {
                return false;
            }
            Jurisdiction calendar = rule.holidayCalendar().get();
            return HOLIDAYS.computeIfAbsent(rule.id(), r -> new ConcurrentHashMap<>()).computeIfAbsent(date.getYear(), y -> {
                Set<LocalDate> days = new HashSet<>();
                HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(calendar.country()));
                String[] args = calendar.subdivision().map(s -> new String[] {s.toLowerCase(Locale.ROOT)})
                        .orElse(new String[0]);
                for (int year = y - 1; year <= y + 1; year++) {
                    for (Holiday holiday : manager.getHolidays(Year.of(year), args)) {
                        days.add(holiday.getDate());
                        days.add(holiday.getActualDate());
                        holiday.getObservedDate().ifPresent(days::add);
                        DayOfWeek day = holiday.getActualDate().getDayOfWeek();
                        if (rule.holidayWeekendShift() && day == DayOfWeek.SATURDAY) {
                            days.add(holiday.getActualDate().minusDays(1));
                        }
                        if (rule.holidayWeekendShift() && day == DayOfWeek.SUNDAY) {
                            days.add(holiday.getActualDate().plusDays(1));
                        }
                    }
                }
                return days;
            }).contains(date);
        }

        /** The earliest permitted second at or after the given one, tried over every instant a window can open. */
        Optional<Long> nextPermitted(long second) {
            return permits(second) ? Optional.of(second) : nextPermittedAfterForbidden(second);
        }

        /** The earliest permitted second after a forbidden one. */
        Optional<Long> nextPermittedAfterForbidden(long second) {
            int i = Arrays.binarySearch(starts, second);
            for (i = i < 0 ? -i - 1 : i; i < starts.length; i++) {
                if (permits(starts[i])) {
                    return Optional.of(starts[i]);
                }
            }
            return Optional.empty();
        }

        /** Every window edge and midnight of every zone (both offsets in an overlap) and every transition. */
        private long[] possibleStarts() {
            LongBuffer instants = new LongBuffer();
            for (OracleCandidate candidate : candidates) {
                ZoneRules zoneRules = candidate.zone().getRules();
                for (LocalDate date = first.minusDays(2); !date.isAfter(last.plusDays(HORIZON_DAYS)); date = date.plusDays(1)) {
                    for (LocalTime edge : edges(candidate, date)) {
                        addLocal(instants, LocalDateTime.of(date, edge), candidate.zone(), 0);
                    }
                    addLocal(instants, date.plusDays(1).atStartOfDay(), candidate.zone(), 0);
                }
                Instant at = first.minusDays(2).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
                Instant end = last.plusDays(HORIZON_DAYS).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
                for (ZoneOffsetTransition t = zoneRules.nextTransition(at); t != null && t.getInstant().isBefore(end);
                     t = zoneRules.nextTransition(t.getInstant())) {
                    instants.add(t.getInstant().getEpochSecond());
                }
            }
            return instants.sortedDistinct();
        }

        /** Test points: every window edge and transition in [first, last], each -1 s, 0, +1 s. */
        long[] testPoints() {
            LongBuffer points = new LongBuffer();
            for (OracleCandidate candidate : candidates) {
                for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                    for (LocalTime edge : edges(candidate, date)) {
                        addLocal(points, LocalDateTime.of(date, edge), candidate.zone(), 1);
                    }
                    addLocal(points, date.atStartOfDay(), candidate.zone(), 1);
                }
                ZoneRules zoneRules = candidate.zone().getRules();
                Instant end = last.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
                for (ZoneOffsetTransition t = zoneRules.nextTransition(first.atStartOfDay()
                        .toInstant(java.time.ZoneOffset.UTC)); t != null && t.getInstant().isBefore(end);
                     t = zoneRules.nextTransition(t.getInstant())) {
                    for (int delta = -1; delta <= 1; delta++) {
                        points.add(t.getInstant().getEpochSecond() + delta);
                    }
                }
            }
            return points.sortedDistinct();
        }

        private static Set<LocalTime> edges(OracleCandidate candidate, LocalDate date) {
            Set<LocalTime> edges = new HashSet<>();
            for (ContactWindowRule rule : candidate.rules()) {
                for (DailyWindow window : rule.weeklyWindows().getOrDefault(date.getDayOfWeek(), List.of())) {
                    edges.add(window.start());
                    if (window.endMinute() < 24 * 60) {
                        edges.add(window.end());
                    }
                }
            }
            return edges;
        }

        private static void addLocal(LongBuffer instants, LocalDateTime local, ZoneId zone, int spread) {
            ZonedDateTime earlier = ZonedDateTime.ofLocal(local, zone, null);
            List<ZonedDateTime> both = List.of(earlier, earlier.withLaterOffsetAtOverlap());
            for (ZonedDateTime at : both) {
                for (int delta = -spread; delta <= spread; delta++) {
                    instants.add(at.toEpochSecond() + delta);
                }
            }
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            if (gap != null && gap.isGap()) {
                for (int delta = -spread; delta <= spread; delta++) {
                    instants.add(gap.getInstant().getEpochSecond() + delta);
                }
            }
        }
    }


    /** A growable array of longs, sorted and deduplicated at the end. */
    static final class LongBuffer {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] sortedDistinct() {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int n = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (n == 0 || sorted[n - 1] != sorted[i]) {
                    sorted[n++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, n);
        }
    }
}
