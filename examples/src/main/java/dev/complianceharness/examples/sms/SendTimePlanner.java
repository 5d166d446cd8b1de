package dev.complianceharness.examples.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The team's own send-time logic: for a marketing text to a number, the earliest instant at or after a given
 * one that lies inside the contact window in every time zone the number's exchange may be in, off the banned
 * days, and within the frequency cap. It knows nothing of the harness; the harness checks it.
 *
 * <p>Numbers the team cannot place (unparsable, no known zone) are not sent to, and only North American
 * numbers are marketed to at all. {@link SchedulerVariant} selects one deliberate bug.
 */
public final class SendTimePlanner {

    /** The zone the team's servers run in. */
    public static final ZoneId SERVER_ZONE = ZoneId.of("America/New_York");

    private static final int FREQUENCY_CAP = 3;
    private static final Duration CAP_PERIOD = Duration.ofHours(24);
    private static final int MAX_DAYS_AHEAD = 14;
    private static final Pattern STATE_SUFFIX = Pattern.compile(", ([A-Z]{2})$");
    private static final Map<String, String> STATE_CODES = stateCodes();
    private static final HolidayManager US_HOLIDAYS =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_STATES));

    private static final Map<String, Set<LocalDate>> HOLIDAYS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<Long, List<ZoneId>> AREA_CODE_ZONES = new java.util.concurrent.ConcurrentHashMap<>();

    private final SchedulerVariant variant;
    private final Map<String, ZoneOffset> firstOffsets = new java.util.HashMap<>();
    private final Map<String, List<ZoneId>> stateZones = new java.util.HashMap<>();

    /**
     * A planner.
     *
     * @param variant {@link SchedulerVariant#CORRECT}, or the bug to build in
     */
    public SendTimePlanner(SchedulerVariant variant) {
        this.variant = Objects.requireNonNull(variant, "variant");
    }

    /**
     * The earliest instant a marketing text may go out.
     *
     * @param phoneNumber the recipient, in E.164 form
     * @param notBefore   the earliest instant wanted (the trigger or the campaign's start)
     * @param planned     the instants of the other marketing texts sent or planned to this recipient
     * @return the send time, or empty if the text must not be sent within the next two weeks
     */
    public Optional<Instant> earliestSendTime(String phoneNumber, Instant notBefore, List<Instant> planned) {
        Optional<Destination> found = destination(phoneNumber);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Destination destination = found.get();
        if (destination.zones().isEmpty()) {
            return variant == SchedulerVariant.FAIL_OPEN_ON_UNKNOWN_ZONE ? Optional.of(notBefore) : Optional.empty();
        }
        Instant latest = notBefore.plus(Duration.ofDays(MAX_DAYS_AHEAD));
        Instant candidate = notBefore;
        while (!candidate.isAfter(latest)) {
            Instant next = candidate;
            for (ZoneId zone : destination.zones()) {
                ZoneOffset offsetAtTrigger = zone.getRules().getOffset(notBefore);
                boolean cachedOffset = variant == SchedulerVariant.OFFSET_CACHED_PER_RECIPIENT
                        && firstOffsets.containsKey(phoneNumber + " " + zone);
                if (variant == SchedulerVariant.OFFSET_CACHED_PER_RECIPIENT) {
                    offsetAtTrigger = firstOffsets.computeIfAbsent(phoneNumber + " " + zone, key -> zone.getRules()
                            .getOffset(notBefore));
                }
                next = max(next, earliestInZone(destination, zone, offsetAtTrigger, next, cachedOffset));
            }
            if (destination.rules().capped() && variant != SchedulerVariant.NO_FREQUENCY_CAP) {
                next = max(next, earliestWithinCap(next, planned));
            }
            if (next.equals(candidate)) {
                return Optional.of(candidate);
            }
            candidate = next;
        }
        return Optional.empty();
    }

    private Instant earliestInZone(Destination destination, ZoneId zone, ZoneOffset offsetAtTrigger, Instant at,
                                   boolean cachedOffset) {
        boolean fixedOffset = variant == SchedulerVariant.OFFSET_AT_TRIGGER_TIME || cachedOffset;
        LocalDateTime local = toLocal(at, zone, offsetAtTrigger, fixedOffset);
        for (int days = 0; days <= MAX_DAYS_AHEAD; days++) {
            LocalDate day = local.toLocalDate().plusDays(days);
            Optional<ContactRules.Window> window = windowOn(destination, day);
            if (window.isEmpty()) {
                continue;
            }
            LocalDateTime opens = day.atTime(window.get().opens());
            LocalDateTime closes = day.atTime(window.get().closes());
            if (days > 0 || local.isBefore(opens)) {
                return toInstant(opens, zone, offsetAtTrigger, fixedOffset);
            }
            boolean beforeClose = variant == SchedulerVariant.END_OF_WINDOW_INCLUSIVE
                    ? !local.isAfter(closes)
                    : local.isBefore(closes);
            if (beforeClose) {
                return at;
            }
        }
        return at.plus(Duration.ofDays(MAX_DAYS_AHEAD + 1L));
    }

    private Optional<ContactRules.Window> windowOn(Destination destination, LocalDate day) {
        ContactRules rules = destination.rules();
        if (rules.noHolidays() && isHolidayOrObserved(day, destination.state())) {
            return Optional.empty();
        }
        return rules.windowOn(day.getDayOfWeek(), variant != SchedulerVariant.NO_SUNDAY_BAN);
    }

    private LocalDateTime toLocal(Instant at, ZoneId zone, ZoneOffset offsetAtTrigger, boolean fixedOffset) {
        return fixedOffset
                ? LocalDateTime.ofInstant(at, offsetAtTrigger)
                : LocalDateTime.ofInstant(at, zone);
    }

    private Instant toInstant(LocalDateTime local, ZoneId zone, ZoneOffset offsetAtTrigger, boolean fixedOffset) {
        return fixedOffset
                ? local.toInstant(offsetAtTrigger)
                : local.atZone(zone).toInstant();
    }

    /** Conservative: no other planned text within 24 hours either side may make a fourth in any 24-hour period. */
    private static Instant earliestWithinCap(Instant at, List<Instant> planned) {
        List<Instant> near = new ArrayList<>();
        for (Instant other : planned) {
            if (other.isAfter(at.minus(CAP_PERIOD)) && other.isBefore(at.plus(CAP_PERIOD))) {
                near.add(other);
            }
        }
        if (near.size() < FREQUENCY_CAP) {
            return at;
        }
        return near.stream().min(Instant::compareTo).orElseThrow().plus(CAP_PERIOD);
    }

    /**
     * A holiday, its actual date or the day it is observed on: a Saturday holiday is observed on Friday, a Sunday one
     * on Monday, and the calendar may list either date, so both count. The observed day can fall in another year (New
     * Year's Day 2028, a Saturday, is observed on Friday 2027-12-31), so the years either side are read too.
     */
    private static boolean isHolidayOrObserved(LocalDate day, String state) {
        Set<LocalDate> closed = HOLIDAYS.computeIfAbsent(state + " " + day.getYear(), key -> holidayDates(day.getYear(), state));
        DayOfWeek weekday = day.getDayOfWeek();
        return closed.contains(day)
                || (weekday == DayOfWeek.FRIDAY || weekday == DayOfWeek.SUNDAY) && closed.contains(day.plusDays(1))
                || (weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.SATURDAY) && closed.contains(day.minusDays(1));
    }

    private static Set<LocalDate> holidayDates(int year, String state) {
        Set<LocalDate> dates = new java.util.HashSet<>();
        for (int y = year - 1; y <= year + 1; y++) {
            for (Holiday holiday : US_HOLIDAYS.getHolidays(java.time.Year.of(y), state.toLowerCase(Locale.ROOT))) {
                dates.add(holiday.getDate());
                dates.add(holiday.getActualDate());
                holiday.getObservedDate().ifPresent(dates::add);
            }
        }
        return Set.copyOf(dates);
    }

    private Optional<Destination> destination(String phoneNumber) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumber number;
        try {
            number = util.parse(phoneNumber, "US");
        } catch (NumberParseException e) {
            return variant == SchedulerVariant.FAIL_OPEN_ON_UNKNOWN_ZONE
                    ? Optional.of(new Destination(List.of(), ContactRules.FEDERAL, "")) : Optional.empty();
        }
        String region = util.getRegionCodeForNumber(number);
        List<ZoneId> zones = zonesOf(number);
        if (region == null || zones.isEmpty()) {
            return Optional.of(new Destination(List.of(), ContactRules.FEDERAL, ""));
        }
        if (variant == SchedulerVariant.FIRST_CANDIDATE_ZONE_ONLY) {
            zones = zones.subList(0, 1);
        } else if (number.getCountryCode() == 1) {
            zones = zonesOfAreaCode(number);
        }
        String state = "";
        ContactRules rules;
        if (region.equals("CA")) {
            rules = ContactRules.CANADA;
        } else if (region.equals("US")) {
            state = stateOf(number);
            rules = state.isEmpty() ? ContactRules.STRICTEST : ContactRules.US_STATES.getOrDefault(state, ContactRules.FEDERAL);
        } else {
            return Optional.empty();
        }
        if (variant == SchedulerVariant.SERVER_ZONE_FEDERAL_WINDOW_ONLY) {
            zones = List.of(SERVER_ZONE);
            rules = rules.capped() ? ContactRules.FEDERAL.withCap() : ContactRules.FEDERAL;
        }
        if (variant == SchedulerVariant.STATE_ZONES_FROM_FIRST_RECIPIENT && !state.isEmpty()) {
            List<ZoneId> own = zones;
            zones = stateZones.computeIfAbsent(state, key -> own);
        }
        return Optional.of(new Destination(List.copyOf(zones), rules, state));
    }

    private static List<ZoneId> zonesOf(PhoneNumber number) {
        List<ZoneId> zones = new ArrayList<>();
        for (String zone : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number)) {
            if (!zone.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                zones.add(ZoneId.of(zone));
            }
        }
        return zones;
    }

    /**
     * Every zone any exchange of the number's area code is in: libphonenumber knows the zone of only some exchanges
     * and answers the others with the area code's main zone, so an exchange it does not list may be in any of them.
     */
    private static List<ZoneId> zonesOfAreaCode(PhoneNumber number) {
        long areaCode = number.getNationalNumber() / 10_000_000L;
        return AREA_CODE_ZONES.computeIfAbsent(areaCode, code -> {
            java.util.Set<ZoneId> zones = new java.util.LinkedHashSet<>(zonesOf(number));
            for (long exchange = 200; exchange <= 999; exchange++) {
                zones.addAll(zonesOf(new PhoneNumber().setCountryCode(1).setNationalNumber(code * 10_000_000L
                        + exchange * 10_000L + 1000)));
            }
            return List.copyOf(zones);
        });
    }

    /** The USPS code of the state the area code belongs to, from libphonenumber's geocoder; empty if unknown. */
    private static String stateOf(PhoneNumber number) {
        String description = PhoneNumberOfflineGeocoder.getInstance().getDescriptionForNumber(number, Locale.ENGLISH);
        Matcher suffix = STATE_SUFFIX.matcher(description);
        if (suffix.find()) {
            return suffix.group(1);
        }
        return STATE_CODES.getOrDefault(description, "");
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Where a number rings: its candidate zones, the rules that apply, and its state (empty outside the US). */
    private record Destination(List<ZoneId> zones, ContactRules rules, String state) {
    }

    private static Map<String, String> stateCodes() {
        String[] pairs = {"Alabama", "AL", "Alaska", "AK", "Arizona", "AZ", "Arkansas", "AR", "California", "CA",
            "Colorado", "CO", "Connecticut", "CT", "Delaware", "DE", "District of Columbia", "DC", "Washington D.C.", "DC",
            "Florida", "FL", "Georgia", "GA", "Hawaii", "HI", "Idaho", "ID", "Illinois", "IL", "Indiana", "IN", "Iowa", "IA",
            "Kansas", "KS", "Kentucky", "KY", "Louisiana", "LA", "Maine", "ME", "Maryland", "MD", "Massachusetts", "MA",
            "Michigan", "MI", "Minnesota", "MN", "Mississippi", "MS", "Missouri", "MO", "Montana", "MT", "Nebraska", "NE",
            "Nevada", "NV", "New Hampshire", "NH", "New Jersey", "NJ", "New Mexico", "NM", "New York", "NY",
            "North Carolina", "NC", "North Dakota", "ND", "Ohio", "OH", "Oklahoma", "OK", "Oregon", "OR",
            "Pennsylvania", "PA", "Rhode Island", "RI", "South Carolina", "SC", "South Dakota", "SD", "Tennessee", "TN",
            "Texas", "TX", "Utah", "UT", "Vermont", "VT", "Virginia", "VA", "Washington", "WA", "West Virginia", "WV",
            "Wisconsin", "WI", "Wyoming", "WY"};
        Map<String, String> codes = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            codes.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(codes);
    }
}
