package dev.complianceharness.sms.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.internal.HolidayCalendars;
import dev.complianceharness.sms.internal.LocationTables;
import net.time4j.PlainDate;
import net.time4j.PlainTime;
import net.time4j.Weekday;
import net.time4j.range.ChronoInterval;
import net.time4j.range.ClockInterval;
import net.time4j.range.DayPartitionBuilder;
import net.time4j.range.DayPartitionRule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One contact-window rule: the regulation it states (citation, jurisdiction, confidence, effective
 * dates), the message kinds it covers, the local-time windows per day of the week, and the days it is
 * closed (days without a window, public holidays). The windows are a time4j {@link DayPartitionRule}.
 *
 * <pre>{@code
 * ContactWindowRule utah = ContactWindowRule.builder(Regulation.builder("us-ut-13-25a-103")
 *                 .citation("Utah Code § 13-25a-103(3)").jurisdiction("US-UT").confidence(Confidence.HIGH).build())
 *         .kinds(MessageKind.MARKETING)
 *         .window(DayOfWeek.MONDAY, DayOfWeek.SATURDAY, "08:00-21:00")   // no window on Sunday: closed
 *         .closedOnHolidays("US-UT")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ContactWindowRule {

    private final Regulation regulation;
    private final Set<MessageKind> kinds;
    private final Map<DayOfWeek, List<DailyWindow>> weekly;
    private final Jurisdiction holidayCalendar;
    private final boolean holidayWeekendShift;
    private final boolean closedEveryDay;
    private final String notes;
    /** Each day of the week's windows as time4j would partition it: sorted, touching windows joined. */
    private final Map<DayOfWeek, List<DailyWindow>> partitionsByDay;
    /** Built when first asked for, so that deciding never starts time4j. */
    private volatile DayPartitionRule partitions;

    private ContactWindowRule(Builder builder) {
        this.regulation = builder.regulation;
        this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(builder.kinds));
        Map<DayOfWeek, List<DailyWindow>> days = new EnumMap<>(DayOfWeek.class);
        builder.weekly.forEach((day, windows) -> {
            List<DailyWindow> sorted = new ArrayList<>(windows);
            Collections.sort(sorted);
            days.put(day, List.copyOf(sorted));
        });
        this.weekly = Collections.unmodifiableMap(days);
        this.holidayCalendar = builder.holidayCalendar;
        this.holidayWeekendShift = builder.holidayWeekendShift;
        this.closedEveryDay = builder.closedEveryDay;
        this.notes = builder.notes;
        Map<DayOfWeek, List<DailyWindow>> joined = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, windows) -> joined.put(day, joinTouching(windows)));
        this.partitionsByDay = Collections.unmodifiableMap(joined);
    }

    /** Joins sorted windows where one ends as the next starts, as time4j's {@code DayPartitionRule} does. */
    private static List<DailyWindow> joinTouching(List<DailyWindow> sorted) {
        List<DailyWindow> joined = new ArrayList<>();
        for (DailyWindow window : sorted) {
            DailyWindow last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.endMinute() >= window.startMinute()) {
                joined.set(joined.size() - 1, new DailyWindow(last.startMinute(), Math.max(last.endMinute(), window.endMinute())));
            } else {
                joined.add(window);
            }
        }
        return List.copyOf(joined);
    }

    private DayPartitionRule buildPartitions() {
        DayPartitionBuilder builder = new DayPartitionBuilder(date -> holidayOn(toLocalDate(date)).isEmpty());
        weekly.forEach((day, windows) -> windows.forEach(window -> builder.addWeekdayRule(
                Weekday.valueOf(day.getValue()), ClockInterval.between(toPlainTime(window.startMinute()),
                        toPlainTime(window.endMinute())))));
        return builder.build();
    }

    /**
     * Starts a rule for a regulation.
     *
     * @param regulation the regulation the rule states; its citation, jurisdiction, confidence and
     *                   effective dates are the rule's
     * @return a builder
     */
    public static Builder builder(Regulation regulation) {
        return new Builder(Objects.requireNonNull(regulation, "regulation"));
    }

    /** @return the rule's id, the regulation's */
    public String id() {
        return regulation.id();
    }

    /** @return the regulation with citation, jurisdiction, confidence and effective dates */
    public Regulation regulation() {
        return regulation;
    }

    /** @return where the rule applies */
    public Jurisdiction jurisdiction() {
        return regulation.jurisdiction();
    }

    /** @return how sure the rule's author is */
    public Confidence confidence() {
        return regulation.confidence();
    }

    /** @return the message kinds the rule covers */
    public Set<MessageKind> kinds() {
        return kinds;
    }

    /**
     * @param kind a message kind
     * @return whether the rule covers it
     */
    public boolean covers(MessageKind kind) {
        return kinds.contains(kind);
    }

    /**
     * Whether the rule's law may claim a recipient located in a jurisdiction: a country's rule applies in
     * its subdivisions, and a subdivision's rule applies to a recipient known only by country (who may be
     * in that subdivision).
     *
     * @param candidate the candidate jurisdiction
     * @return whether the rule applies there
     */
    public boolean appliesTo(Jurisdiction candidate) {
        Jurisdiction own = regulation.jurisdiction();
        return own.contains(candidate) || (!candidate.isSubdivision() && own.country().equals(candidate.code()));
    }

    /**
     * @param localDate a day in the recipient's calendar
     * @return whether the rule is in effect that day
     */
    public boolean isInEffectOn(LocalDate localDate) {
        return regulation.isInEffectOn(localDate);
    }

    /** @return the windows of each day of the week; a day that is absent is closed */
    public Map<DayOfWeek, List<DailyWindow>> weeklyWindows() {
        return weekly;
    }

    /** @return the country or subdivision whose public holidays close the rule, if any */
    public Optional<Jurisdiction> holidayCalendar() {
        return Optional.ofNullable(holidayCalendar);
    }

    /** @return whether a Saturday holiday also closes the Friday before and a Sunday holiday the Monday after */
    public boolean holidayWeekendShift() {
        return holidayWeekendShift;
    }

    /** @return whether the rule forbids all contact (a declared emergency) */
    public boolean closedEveryDay() {
        return closedEveryDay;
    }

    /**
     * The same rule without its public-holiday closures, for a team whose policy does not count holidays.
     *
     * @return this rule if it closes on no holidays, otherwise a copy that does not
     */
    ContactWindowRule withoutHolidays() {
        if (holidayCalendar == null) {
            return this;
        }
        Builder copy = builder(regulation).kinds(kinds).notes(notes);
        weekly.forEach((day, windows) -> windows.forEach(window -> copy.window(day, window)));
        if (closedEveryDay) {
            copy.closedEveryDay();
        }
        return copy.build();
    }

    /** @return remarks for a reviewer: scope, what sources disagree on; may be empty */
    public String notes() {
        return notes;
    }

    /** @return the windows as a time4j day-partition rule (holidays are excluded days); built when first asked for */
    public DayPartitionRule dayPartitionRule() {
        DayPartitionRule rule = partitions;
        if (rule == null) {
            rule = buildPartitions();
            partitions = rule;
        }
        return rule;
    }

    /**
     * The windows the rule permits on a day, whether or not it is in effect that day.
     *
     * @param localDate a day in the recipient's calendar
     * @return the windows in order; empty if the day is closed
     */
    public List<DailyWindow> windowsOn(LocalDate localDate) {
        List<DailyWindow> windows = partitionsByDay.get(localDate.getDayOfWeek());
        if (windows == null || holidayOn(localDate).isPresent()) {
            return List.of();
        }
        return windows;
    }

    /**
     * The windows on a day as time4j's {@link #dayPartitionRule()} gives them; {@link #windowsOn(LocalDate)} answers
     * the same without starting time4j, which a test checks.
     *
     * @param localDate a day in the recipient's calendar
     * @return the windows in order; empty if the day is closed
     */
    List<DailyWindow> windowsOnFromDayPartitionRule(LocalDate localDate) {
        List<ChronoInterval<PlainTime>> intervals = dayPartitionRule().getPartitions(toPlainDate(localDate));
        List<DailyWindow> windows = new ArrayList<>(intervals.size());
        for (ChronoInterval<PlainTime> interval : intervals) {
            windows.add(new DailyWindow(minuteOf(interval.getStart().getTemporal()),
                    minuteOf(interval.getEnd().getTemporal())));
        }
        return windows;
    }

    /**
     * Why the rule permits nothing on a day, if it does not.
     *
     * @param localDate a day in the recipient's calendar
     * @return for example {@code "closed on Sundays"} or {@code "closed on a public holiday (Christmas, US-UT)"};
     *         empty if the day has a window
     */
    public Optional<String> closureOn(LocalDate localDate) {
        if (closedEveryDay) {
            return Optional.of("closed every day");
        }
        Optional<String> holiday = holidayOn(localDate);
        if (holiday.isPresent()) {
            return Optional.of("closed on a public holiday (" + holiday.get() + ", " + holidayCalendar + ")");
        }
        if (!weekly.containsKey(localDate.getDayOfWeek())) {
            String day = localDate.getDayOfWeek().name();
            return Optional.of("closed on " + day.charAt(0) + day.substring(1).toLowerCase(java.util.Locale.ROOT) + "s");
        }
        return Optional.empty();
    }

    /**
     * @param localDate a day
     * @return the name of the public holiday that closes the rule that day, if any
     */
    public Optional<String> holidayOn(LocalDate localDate) {
        if (holidayCalendar == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(HolidayCalendars.closures(holidayCalendar, holidayWeekendShift, localDate.getYear())
                .get(localDate));
    }

    /**
     * A one-line description of the windows.
     *
     * @return for example {@code "MONDAY-SATURDAY 08:00-21:00, closed on US-UT public holidays"}
     */
    public String describeWindows() {
        if (closedEveryDay) {
            return "closed every day";
        }
        StringBuilder text = new StringBuilder();
        DayOfWeek runStart = null;
        List<DailyWindow> runWindows = null;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<DailyWindow> windows = weekly.get(day);
            if (runStart != null && !Objects.equals(windows, runWindows)) {
                appendRun(text, runStart, day.minus(1), runWindows);
                runStart = null;
            }
            if (runStart == null && windows != null) {
                runStart = day;
                runWindows = windows;
            }
        }
        if (runStart != null) {
            appendRun(text, runStart, DayOfWeek.SUNDAY, runWindows);
        }
        if (holidayCalendar != null) {
            text.append(", closed on ").append(holidayCalendar).append(" public holidays")
                    .append(holidayWeekendShift ? " (weekend holidays also close the nearest weekday)" : "");
        }
        return text.toString();
    }

    private static void appendRun(StringBuilder text, DayOfWeek from, DayOfWeek to, List<DailyWindow> windows) {
        text.append(text.length() == 0 ? "" : "; ").append(from == to ? from.name() : from + "-" + to).append(' ');
        for (int i = 0; i < windows.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(windows.get(i));
        }
    }

    /** @return for example {@code "Fla. Stat. 501.616(6) [US-FL, high confidence]: MONDAY-SUNDAY 08:00-20:00"} */
    public String describe() {
        return regulation.describe() + ": " + describeWindows();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContactWindowRule that && regulation.equals(that.regulation) && kinds.equals(that.kinds)
                && weekly.equals(that.weekly) && Objects.equals(holidayCalendar, that.holidayCalendar)
                && holidayWeekendShift == that.holidayWeekendShift && closedEveryDay == that.closedEveryDay
                && notes.equals(that.notes);
    }

    @Override
    public int hashCode() {
        return regulation.id().hashCode();
    }

    @Override
    public String toString() {
        return "ContactWindowRule[" + id() + ": " + describe() + "]";
    }

    private static PlainTime toPlainTime(int minuteOfDay) {
        return minuteOfDay == 24 * 60 ? PlainTime.midnightAtEndOfDay() : PlainTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }

    private static int minuteOf(PlainTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static PlainDate toPlainDate(LocalDate date) {
        return PlainDate.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static LocalDate toLocalDate(PlainDate date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDayOfMonth());
    }

    /** Builds a {@link ContactWindowRule}; {@link #build()} rejects broken data with a message naming the rule. */
    public static final class Builder {
        private final Regulation regulation;
        private final Set<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
        private final Map<DayOfWeek, List<DailyWindow>> weekly = new EnumMap<>(DayOfWeek.class);
        private Jurisdiction holidayCalendar;
        private boolean holidayWeekendShift;
        private boolean closedEveryDay;
        private String notes = "";

        private Builder(Regulation regulation) {
            this.regulation = regulation;
        }

        /**
         * @param first a message kind the rule covers
         * @param more further kinds
         * @return this builder
         */
        public Builder kinds(MessageKind first, MessageKind... more) {
            kinds.add(Objects.requireNonNull(first, "kind"));
            for (MessageKind kind : more) {
                kinds.add(Objects.requireNonNull(kind, "kind"));
            }
            return this;
        }

        /**
         * @param covered the message kinds the rule covers
         * @return this builder
         */
        public Builder kinds(Set<MessageKind> covered) {
            covered.forEach(kind -> kinds.add(Objects.requireNonNull(kind, "kind")));
            return this;
        }

        /**
         * Adds windows on a run of days, such as Monday to Friday.
         *
         * @param from the first day
         * @param to the last day, on or after {@code from}
         * @param windows windows such as {@code "10:00-13:00"}
         * @return this builder
         */
        public Builder window(DayOfWeek from, DayOfWeek to, String... windows) {
            if (to.compareTo(from) < 0) {
                throw new RuleDataException("Rule '" + regulation.id() + "': the day run " + from + "-" + to
                        + " runs backwards; write it from MONDAY towards SUNDAY");
            }
            for (DayOfWeek day = from; ; day = day.plus(1)) {
                for (String window : windows) {
                    window(day, DailyWindow.parse(window));
                }
                if (day == to) {
                    return this;
                }
            }
        }

        /**
         * Adds a window on one day.
         *
         * @param day the day of the week
         * @param window the window
         * @return this builder
         */
        public Builder window(DayOfWeek day, DailyWindow window) {
            weekly.computeIfAbsent(Objects.requireNonNull(day, "day"), d -> new ArrayList<>())
                    .add(Objects.requireNonNull(window, "window"));
            return this;
        }

        /**
         * Closes the rule on the public holidays of a country or subdivision (from Jollyday), on their
         * actual and observed dates.
         *
         * @param isoCode for example {@code "US-UT"} or {@code "FR"}
         * @return this builder
         */
        public Builder closedOnHolidays(String isoCode) {
            try {
                this.holidayCalendar = Jurisdiction.of(isoCode);
            } catch (IllegalArgumentException e) {
                throw new RuleDataException("Rule '" + regulation.id() + "' has an unknown holiday calendar: "
                        + e.getMessage(), e);
            }
            return this;
        }

        /**
         * @param shift whether a Saturday holiday also closes the Friday before and a Sunday holiday the
         *              Monday after
         * @return this builder
         */
        public Builder holidayWeekendShift(boolean shift) {
            this.holidayWeekendShift = shift;
            return this;
        }

        /**
         * Makes the rule forbid all contact, as a ban during a declared emergency (with the period as the
         * regulation's effective dates); a rule with no windows is otherwise rejected as a mistake.
         *
         * @return this builder
         */
        public Builder closedEveryDay() {
            this.closedEveryDay = true;
            return this;
        }

        /**
         * @param text remarks for a reviewer
         * @return this builder
         */
        public Builder notes(String text) {
            this.notes = Objects.requireNonNull(text, "notes").strip();
            return this;
        }

        /**
         * Builds the rule.
         *
         * @return the rule
         * @throws RuleDataException naming the rule and what is wrong: no kinds, no windows, overlapping
         *         windows, an unknown subdivision or holiday calendar
         */
        public ContactWindowRule build() {
            String id = "Rule '" + regulation.id() + "' (" + regulation.citation() + ")";
            Jurisdiction jurisdiction = regulation.jurisdiction();
            String jurisdictionProblem = jurisdiction.isSubdivision() ? subdivisionProblem(jurisdiction)
                    : LocationTables.isLocatableCountry(jurisdiction.code()) ? null
                    : "no recipient can be located there (not a country with a telephone numbering plan)";
            if (jurisdictionProblem != null) {
                throw new RuleDataException(id + " has an unknown jurisdiction code " + jurisdiction + ": "
                        + jurisdictionProblem + ". Known codes: the ISO 3166-1 code of a country with a numbering plan"
                        + " (such as US, CA, FR, AU, IN), the US states, DC and territories and the Canadian provinces "
                        + LocationTables.knownSubdivisions() + ", or a subdivision with a Jollyday holiday calendar");
            }
            if (kinds.isEmpty()) {
                throw new RuleDataException(id + " covers no message kinds: add kinds(MessageKind.MARKETING, ...)");
            }
            if (closedEveryDay && !weekly.isEmpty()) {
                throw new RuleDataException(id + " is closed every day and also has windows: keep one of the two");
            }
            if (!closedEveryDay && weekly.isEmpty()) {
                throw new RuleDataException(id + " has no window on any day, which would forbid all contact; add"
                        + " windows, or if a total ban is meant (a declared emergency), say so with closedEveryDay()");
            }
            for (Map.Entry<DayOfWeek, List<DailyWindow>> day : weekly.entrySet()) {
                List<DailyWindow> sorted = new ArrayList<>(day.getValue());
                Collections.sort(sorted);
                for (int i = 1; i < sorted.size(); i++) {
                    if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                        throw new RuleDataException(id + " has overlapping windows " + sorted.get(i - 1) + " and "
                                + sorted.get(i) + " on " + day.getKey() + ": merge them into one window");
                    }
                }
            }
            if (holidayCalendar != null) {
                HolidayCalendars.problemWith(holidayCalendar).ifPresent(problem -> {
                    throw new RuleDataException(id + " has an unknown holiday calendar " + holidayCalendar + ": "
                            + problem);
                });
            } else if (holidayWeekendShift) {
                throw new RuleDataException(id + " shifts weekend holidays but names no holiday calendar: add"
                        + " closedOnHolidays(...)");
            }
            return new ContactWindowRule(this);
        }

        private static String subdivisionProblem(Jurisdiction subdivision) {
            String country = subdivision.country();
            if ("US".equals(country) || "CA".equals(country)) {
                return LocationTables.knownSubdivisions().contains(subdivision) ? null
                        : "not a US state, DC, US territory or Canadian province";
            }
            return HolidayCalendars.problemWith(subdivision).map(problem -> "not a known subdivision of "
                    + country + " (" + problem + ")").orElse(null);
        }
    }
}
