package dev.complianceharness.sms.internal;

import dev.complianceharness.sms.DataVersions;
import net.time4j.tz.Timezone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.zone.ZoneRulesProvider;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the data versions from the libraries' metadata, and says whether the tables compiled at build time were
 * compiled from the versions on the class path. Reading a version never starts the library itself.
 */
public final class Versions {

    private static final Pattern TZDB_VERSION = Pattern.compile("name=TZDB,[^)]*version=([0-9a-z]+)");

    private Versions() {
    }

    /** @return the versions on the class path, read once */
    public static DataVersions current() {
        return Read.CURRENT;
    }

    /** @return whether the compiled holiday tables come from the Jollyday version on the class path */
    static boolean holidayTablesCurrent() {
        return Read.HOLIDAY_TABLES_CURRENT;
    }

    /** @return whether the compiled zone table comes from the time4j-tzdata version on the class path */
    static boolean zoneTableCurrent() {
        return Read.ZONE_TABLE_CURRENT;
    }

    /** @return the compiled tables' index; empty when the build compiled none */
    static Properties tableIndex() {
        return Read.INDEX;
    }

    /** The versions, read when first asked for. */
    private static final class Read {
        static final Properties INDEX = CompiledTables.index();
        static final String JOLLYDAY = mavenVersion("de.focus-shift", "jollyday-core");
        static final boolean HOLIDAY_TABLES_CURRENT = !"unknown".equals(JOLLYDAY)
                && JOLLYDAY.equals(INDEX.getProperty(CompiledTables.JOLLYDAY_VERSION));
        static final boolean ZONE_TABLE_CURRENT = INDEX.getProperty(CompiledTables.TZDATA_VERSION) != null
                && mavenVersion("net.time4j", "time4j-tzdata").equals(INDEX.getProperty(CompiledTables.TZDATA_ARTIFACT_VERSION));
        static final DataVersions CURRENT = new DataVersions(
                mavenVersion("com.googlecode.libphonenumber", "libphonenumber"),
                mavenVersion("com.googlecode.libphonenumber", "geocoder"),
                ZONE_TABLE_CURRENT ? INDEX.getProperty(CompiledTables.TZDATA_VERSION) : time4jTzdataVersion(),
                ZoneRulesProvider.getVersions("UTC").lastKey(),
                JOLLYDAY);
    }

    /** @return the tz database version of time4j-tzdata, from time4j itself (which this starts) */
    static String time4jTzdataVersion() {
        Matcher matcher = TZDB_VERSION.matcher(Timezone.getProviderInfo());
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    static String mavenVersion(String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
