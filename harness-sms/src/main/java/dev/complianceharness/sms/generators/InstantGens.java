package dev.complianceharness.sms.generators;

import dev.complianceharness.invariant.Jurisdiction;
import dev.complianceharness.property.Gen;
import dev.complianceharness.property.Gens;
import dev.complianceharness.property.Weighted;
import dev.complianceharness.sms.internal.HolidayCalendars;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Instants that break send-time code, in a recipient's zone: next to DST transitions, on the edges of contact
 * windows (± 1 second), at local midnight, on public holidays and on Sundays, mixed with instants anywhere in
 * the range. Built by {@link SmsGens#instantsNear(List, LocalDate, LocalDate)}.
 */
final class InstantGens {

    /** Local times at which some jurisdiction's window opens or closes. */
    static final List<LocalTime> WINDOW_EDGES = List.of(LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(10, 0),
            LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(14, 0), LocalTime.of(17, 0), LocalTime.of(18, 0),
            LocalTime.of(20, 0), LocalTime.of(21, 0), LocalTime.of(21, 30));

    private static final long HOUR_SECONDS = 3_600;
    private static final long DST_NEIGHBOURHOOD_SECONDS = Duration.ofHours(12).toSeconds();

    private InstantGens() {
    }

    static Gen<Instant> near(List<ZoneId> zones, LocalDate from, LocalDate to, String country, List<String> subdivisions,
                             Instant firstTry) {
        Objects.requireNonNull(zones, "zones");
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("instantsNear needs at least one time zone");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("instantsNear needs from (" + from + ") before to (" + to + ")");
        }
        Gen<ZoneId> zone = Gens.elements(zones);
        Instant start = from.atStartOfDay(zones.get(0)).toInstant();
        Instant end = to.atStartOfDay(zones.get(0)).toInstant();
        long span = Duration.between(start, end).toSeconds();
        long origin = firstTry == null ? 0 : Math.floorMod(Duration.between(start, firstTry).toSeconds(), span);
        Gen<Instant> anywhere = Gens.longs(0, span - 1).map(offset -> start.plusSeconds((offset + origin) % span));
        long dayCount = ChronoUnit.DAYS.between(from, to);
        long originDay = firstTry == null ? 0 : Math.floorMod(ChronoUnit.DAYS.between(from,
                LocalDate.ofInstant(firstTry, zones.get(0))), dayCount);
        Gen<LocalDate> day = Gens.longs(0, dayCount - 1).map(index -> from.plusDays((index + originDay) % dayCount));
        Gen<Long> secondsOff = Gens.elements(0L, -1L, 1L);
        Gen<Instant> windowEdge = zone.flatMap(z -> day.flatMap(d -> Gens.elements(WINDOW_EDGES).flatMap(edge ->
                secondsOff.map(off -> d.atTime(edge).atZone(z).toInstant().plusSeconds(off)))));
        Gen<Instant> midnight = zone.flatMap(z -> day.flatMap(d -> secondsOff.map(off ->
                d.atStartOfDay(z).toInstant().plusSeconds(off))));
        LocalDate firstSunday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        long sundays = Math.max(1, ChronoUnit.WEEKS.between(firstSunday, to.minusDays(1)) + 1);
        long originWeek = Math.min(sundays - 1, originDay / 7);
        Gen<Instant> sunday = zone.flatMap(z -> Gens.longs(0, sundays - 1).flatMap(week -> localSeconds().map(seconds ->
                firstSunday.plusWeeks((week + originWeek) % sundays).atStartOfDay(z).plusSeconds(seconds).toInstant())));
        List<Weighted<Instant>> alternatives = new ArrayList<>(List.of(Gens.weighted(2, anywhere),
                Gens.weighted(4, windowEdge), Gens.weighted(1, midnight), Gens.weighted(1, sunday)));
        List<Instant> transitions = transitions(zones, start, end);
        if (!transitions.isEmpty()) {
            Gen<Long> distance = Gens.oneOf(Gens.longs(0, HOUR_SECONDS), Gens.longs(0, DST_NEIGHBOURHOOD_SECONDS));
            alternatives.add(Gens.weighted(3, Gens.elements(transitions).flatMap(transition -> distance.flatMap(seconds ->
                    Gens.booleans().map(before -> transition.plusSeconds(before ? -seconds : seconds))))));
        }
        List<LocalDate> holidays = holidays(from, to, country, subdivisions);
        if (!holidays.isEmpty()) {
            alternatives.add(Gens.weighted(1, zone.flatMap(z -> Gens.elements(holidays).flatMap(d ->
                    localSeconds().map(seconds -> d.atStartOfDay(z).plusSeconds(seconds).toInstant())))));
        }
        return weightedChoice(alternatives).describedAs("instants near DST transitions, window edges, midnight,"
                + " holidays and Sundays in " + zones + " from " + from + " to " + to);
    }

    /** Picks an alternative by weight; shrinks towards the first (instants anywhere in the range). */
    private static Gen<Instant> weightedChoice(List<Weighted<Instant>> alternatives) {
        List<Weighted<Instant>> copy = List.copyOf(alternatives);
        long total = copy.stream().mapToLong(Weighted::weight).sum();
        return choices -> {
            long pick = choices.draw(0, total - 1);
            for (Weighted<Instant> alternative : copy) {
                if (pick < alternative.weight()) {
                    return alternative.generator().generate(choices);
                }
                pick -= alternative.weight();
            }
            throw new IllegalStateException("weights changed while drawing");
        };
    }

    /** Seconds into a local day, favouring the window edges. */
    private static Gen<Long> localSeconds() {
        long[] edges = WINDOW_EDGES.stream().mapToLong(time -> time.toSecondOfDay()).toArray();
        return choices -> choices.drawFavouring(0, 86_399, edges);
    }

    static List<Instant> transitions(List<ZoneId> zones, Instant start, Instant end) {
        TreeSet<Instant> found = new TreeSet<>();
        for (ZoneId zone : zones) {
            ZoneOffsetTransition next = zone.getRules().nextTransition(start);
            while (next != null && next.getInstant().isBefore(end)) {
                found.add(next.getInstant());
                next = zone.getRules().nextTransition(next.getInstant());
            }
        }
        return List.copyOf(found);
    }

    /**
     * The days the shipped rules close for public holidays of a country (and its subdivision) in a range: Jollyday's
     * public holidays, actual and observed dates.
     *
     * @param country      an ISO 3166-1 code such as {@code "US"}
     * @param subdivisions subdivision codes without the country, such as {@code "FL"}; none for the national ones
     * @return the days, in order; none if Jollyday has no calendar for the country or subdivision
     */
    static List<LocalDate> holidays(LocalDate from, LocalDate to, String country, List<String> subdivisions) {
        List<Jurisdiction> calendars = new ArrayList<>();
        if (subdivisions.isEmpty()) {
            calendars.add(Jurisdiction.of(country));
        }
        for (String subdivision : subdivisions) {
            calendars.add(Jurisdiction.of(country + "-" + subdivision));
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Jurisdiction calendar : calendars) {
            if (HolidayCalendars.problemWith(calendar).isPresent()) {
                continue;
            }
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                for (LocalDate day : HolidayCalendars.closures(calendar, false, year).keySet()) {
                    if (!day.isBefore(from) && day.isBefore(to)) {
                        days.add(day);
                    }
                }
            }
        }
        return List.copyOf(days);
    }
}
