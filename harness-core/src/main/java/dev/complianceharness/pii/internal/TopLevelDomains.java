package dev.complianceharness.pii.internal;

import com.google.common.net.InternetDomainName;
import java.io.IOException;
import java.io.InputStream;
import java.net.IDN;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which domains are real: those that end in a suffix of the ICANN section of the Public Suffix List, which
 * holds every top-level domain of the IANA root zone (and the registries under them, such as {@code co.za}).
 * The list comes with Guava, whose every release carries a fresh copy; {@link #version()} says which copy
 * runs, like the tz data of the SMS module.
 */
public final class TopLevelDomains {

    private static final TopLevelDomains INSTANCE = new TopLevelDomains();
    /** Labels seen so far and whether they are a public suffix on their own; bounded, for text full of odd domains. */
    private static final int CACHE_LIMIT = 10_000;
    private static final String GUAVA_POM = "/META-INF/maven/com.google.guava/guava/pom.properties";

    private final Map<String, Boolean> suffixLabels = new ConcurrentHashMap<>();
    private final String guavaVersion;
    private final Optional<LocalDate> built;

    private TopLevelDomains() {
        this.guavaVersion = guavaVersion();
        this.built = buildDate();
    }

    /** @return the list in use */
    public static TopLevelDomains shipped() {
        return INSTANCE;
    }

    /** @return which copy of the list runs, such as {@code Public Suffix List (ICANN section) of Guava 33.8.0-jre, built 2026-11-02} */
    public String version() {
        return "Public Suffix List (ICANN section) of Guava " + guavaVersion
                + built.map(date -> ", built " + date).orElse("");
    }

    /** @return the day the Guava jar in use was built, which dates its copy of the list; empty when unknown */
    public Optional<LocalDate> built() {
        return built;
    }

    /**
     * @param text        the text holding a domain, such as the part of an e-mail address after the {@code @}
     * @param domainStart the index of the domain's first character
     * @param labelStart  the index of its last label (the top-level domain)
     * @param end         the index after the domain
     * @return whether the domain ends in a public suffix, ignoring case
     */
    public boolean isPublic(CharSequence text, int domainStart, int labelStart, int end) {
        int length = end - labelStart;
        if (length < 2 || length > 63) {
            return false;
        }
        String label = text.subSequence(labelStart, end).toString().toLowerCase(Locale.ROOT);
        Boolean known = suffixLabels.get(label);
        if (known == null) {
            known = isSuffix(label);
            if (suffixLabels.size() < CACHE_LIMIT) {
                suffixLabels.put(label, known);
            }
        }
        if (known) {
            return true;
        }
        // top-level domains with registrations only below a second level (co.za) or under a wildcard rule (*.ck)
        return hasSuffix(text.subSequence(domainStart, end).toString().toLowerCase(Locale.ROOT));
    }

    private static boolean isSuffix(String label) {
        try {
            return InternetDomainName.from(unicode(label)).isRegistrySuffix();
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    private static boolean hasSuffix(String domain) {
        try {
            InternetDomainName name = InternetDomainName.from(unicode(domain));
            return name.hasRegistrySuffix() && !name.isRegistrySuffix();
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    private static String unicode(String name) {
        return name.contains("xn--") ? IDN.toUnicode(name, IDN.ALLOW_UNASSIGNED) : name;
    }

    private static String guavaVersion() {
        try (InputStream in = InternetDomainName.class.getResourceAsStream(GUAVA_POM)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException unreadable) {
            return "unknown";
        }
        Package guava = InternetDomainName.class.getPackage();
        return guava != null && guava.getImplementationVersion() != null ? guava.getImplementationVersion() : "unknown";
    }

    private static Optional<LocalDate> buildDate() {
        URL url = InternetDomainName.class.getResource("InternetDomainName.class");
        if (url == null) {
            return Optional.empty();
        }
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar && jar.getJarEntry() != null
                    && jar.getJarEntry().getLastModifiedTime() != null) {
                return Optional.of(LocalDate.ofInstant(jar.getJarEntry().getLastModifiedTime().toInstant(), ZoneOffset.UTC));
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
