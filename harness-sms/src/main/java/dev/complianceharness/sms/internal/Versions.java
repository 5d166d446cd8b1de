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

/** Reads the data versions from the libraries' metadata. */
public final class Versions {

    private static final Pattern TZDB_VERSION = Pattern.compile("name=TZDB,[^)]*version=([0-9a-z]+)");
    private static final DataVersions CURRENT = read();

    private Versions() {
    }

    /** @return the versions on the class path, read once */
    public static DataVersions current() {
        return CURRENT;
    }

    private static DataVersions read() {
        return new DataVersions(
                mavenVersion("com.googlecode.libphonenumber", "libphonenumber"),
                mavenVersion("com.googlecode.libphonenumber", "geocoder"),
                time4jTzdataVersion(),
                ZoneRulesProvider.getVersions("UTC").lastKey(),
                mavenVersion("de.focus-shift", "jollyday-core"));
    }

    static String time4jTzdataVersion() {
        Matcher matcher = TZDB_VERSION.matcher(Timezone.getProviderInfo());
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    private static String mavenVersion(String groupId, String artifactId) {
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
