package dev.complianceharness.sms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The data harness-sms compiles at build time, so that a test JVM's first decision neither starts Jollyday (its
 * XML calendars need JAXB) nor time4j: the public holidays of every calendar the shipped rule pack closes on, and
 * every time zone's UTC offsets, for the years harness-sms decides for. The build runs {@link #main(String[])} after
 * compiling (exec-maven-plugin, phase {@code process-classes}); tests re-check each table against the library it
 * came from, for every year it covers.
 *
 * <p>A table is used only when the library version on the class path is the one it was compiled from; with any
 * other version (a team that overrides a pinned dependency) or without the table, the library is asked directly, so
 * that {@code DataVersions} always names the data decisions use. Either way decisions are made only for the
 * {@linkplain #FIRST_DECIDABLE_YEAR decidable years}: outside them a decision fails closed with the reason.
 */
public final class CompiledTables {

    /** The first year (UTC) harness-sms decides for. */
    public static final int FIRST_DECIDABLE_YEAR = 2000;
    /** The last year (UTC) harness-sms decides for. */
    public static final int LAST_DECIDABLE_YEAR = 2100;
    /** The first local year the tables cover: every zone's local date of a decidable instant is covered. */
    public static final int FIRST_COVERED_YEAR = FIRST_DECIDABLE_YEAR - 1;
    /** The last local year the tables cover. */
    public static final int LAST_COVERED_YEAR = LAST_DECIDABLE_YEAR + 1;
    /** The first decidable instant, in epoch seconds. */
    public static final long FIRST_DECIDABLE_SECOND = LocalDate.of(FIRST_DECIDABLE_YEAR, 1, 1)
            .atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    /** The first instant after the decidable years, in epoch seconds. */
    public static final long END_OF_DECIDABLE_SECONDS = LocalDate.of(LAST_DECIDABLE_YEAR + 1, 1, 1)
            .atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    static final String INDEX = "compiled-tables.properties";
    static final String JOLLYDAY_VERSION = "jollyday-version";
    static final String TZDATA_ARTIFACT_VERSION = "time4j-tzdata-version";
    static final String TZDATA_VERSION = "tzdata";
    static final String HOLIDAY_CALENDARS = "holiday-calendars";
    static final String FIRST_YEAR = "first-covered-year";
    static final String LAST_YEAR = "last-covered-year";
    private static final String PACK = "/dev/complianceharness/sms/rules/contact-windows.rules";

    private CompiledTables() {
    }

    /**
     * @param localDate a local date in some zone
     * @return whether the tables cover it
     */
    public static boolean covers(LocalDate localDate) {
        int year = localDate.getYear();
        return year >= FIRST_COVERED_YEAR && year <= LAST_COVERED_YEAR;
    }

    /**
     * @param epochSecond an instant
     * @return whether harness-sms decides for it
     */
    public static boolean decides(long epochSecond) {
        return epochSecond >= FIRST_DECIDABLE_SECOND && epochSecond < END_OF_DECIDABLE_SECONDS;
    }

    /**
     * @return why an instant outside the decidable years gets no decision, for the decision's reason
     */
    public static String decidableYears() {
        return FIRST_DECIDABLE_YEAR + " to " + LAST_DECIDABLE_YEAR + " (UTC), the years its public-holiday and time-zone"
                + " tables cover (Jollyday " + Versions.current().jollyday() + ", tzdata " + Versions.current().tzdata() + ")";
    }

    /**
     * Writes the tables into a class-path directory; run by the build.
     *
     * @param args the output directory ({@code target/classes})
     * @throws IOException if a table cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompiledTables <class output directory>");
        }
        Path directory = Path.of(args[0]).resolve(CompiledTables.class.getPackageName().replace('.', '/'));
        Files.createDirectories(directory);
        List<String> calendars = shippedHolidayCalendars();
        for (String calendar : calendars) {
            Files.writeString(directory.resolve(HolidayTable.resourceName(calendar)), HolidayTable.compile(calendar),
                    StandardCharsets.UTF_8);
        }
        Files.write(directory.resolve(ZoneTable.RESOURCE), ZoneTable.compile());
        Properties index = new Properties();
        index.setProperty(JOLLYDAY_VERSION, Versions.mavenVersion("de.focus-shift", "jollyday-core"));
        index.setProperty(TZDATA_ARTIFACT_VERSION, Versions.mavenVersion("net.time4j", "time4j-tzdata"));
        index.setProperty(TZDATA_VERSION, Versions.time4jTzdataVersion());
        index.setProperty(HOLIDAY_CALENDARS, String.join(",", calendars));
        index.setProperty(FIRST_YEAR, Integer.toString(FIRST_COVERED_YEAR));
        index.setProperty(LAST_YEAR, Integer.toString(LAST_COVERED_YEAR));
        StringBuilder text = new StringBuilder("# Compiled by dev.complianceharness.sms.internal.CompiledTables at build"
                + " time; re-checked against Jollyday and time4j-tzdata by the tests of harness-sms.\n");
        for (String key : new TreeSet<>(index.stringPropertyNames())) {
            text.append(key).append('=').append(index.getProperty(key)).append('\n');
        }
        Files.writeString(directory.resolve(INDEX), text, StandardCharsets.ISO_8859_1);
    }

    /** Every calendar a rule of the shipped pack closes on, in the order the pack names them. */
    static List<String> shippedHolidayCalendars() {
        List<String> calendars = new ArrayList<>();
        try (InputStream in = CompiledTables.class.getResourceAsStream(PACK)) {
            if (in == null) {
                throw new IllegalStateException("harness-sms resource " + PACK + " is missing from the class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                String stripped = line.strip();
                if (stripped.toLowerCase(Locale.ROOT).startsWith("closed-on-holidays:")) {
                    String calendar = stripped.substring(stripped.indexOf(':') + 1).strip();
                    if (!calendars.contains(calendar)) {
                        calendars.add(calendar);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read harness-sms resource " + PACK, e);
        }
        return calendars;
    }

    /** The index of the compiled tables on the class path; empty properties if the build did not compile them. */
    static Properties index() {
        Properties index = new Properties();
        try (InputStream in = CompiledTables.class.getResourceAsStream(INDEX)) {
            if (in != null) {
                index.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read harness-sms resource " + INDEX, e);
        }
        return index;
    }
}
