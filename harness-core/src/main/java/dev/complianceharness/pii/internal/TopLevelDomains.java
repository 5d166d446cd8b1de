package dev.complianceharness.pii.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The IANA list of top-level domains shipped with the harness, loaded once. */
public final class TopLevelDomains {

    /** Where the list lives on the class path. */
    public static final String RESOURCE = "tlds-alpha-by-domain.txt";
    private static final TopLevelDomains INSTANCE = load();

    private final Set<String> lowerCaseDomains;
    private final String version;

    private TopLevelDomains(Set<String> lowerCaseDomains, String version) {
        this.lowerCaseDomains = Set.copyOf(lowerCaseDomains);
        this.version = version;
    }

    /** @return the shipped list */
    public static TopLevelDomains shipped() {
        return INSTANCE;
    }

    /** @return the list's version line, such as {@code 2023053000, Last Updated Tue May 30 07:07:01 2023 UTC} */
    public String version() {
        return version;
    }

    /** @return how many top-level domains it holds */
    public int size() {
        return lowerCaseDomains.size();
    }

    /**
     * @param text  the text holding the candidate
     * @param start its first index
     * @param end   the index after it
     * @return whether the characters are a delegated top-level domain, ignoring case
     */
    public boolean contains(CharSequence text, int start, int end) {
        int length = end - start;
        if (length < 2 || length > 24) {
            return false;
        }
        char[] lower = new char[length];
        for (int i = 0; i < length; i++) {
            lower[i] = Character.toLowerCase(text.charAt(start + i));
        }
        return lowerCaseDomains.contains(new String(lower));
    }

    private static TopLevelDomains load() {
        try (InputStream in = TopLevelDomains.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The IANA top-level-domain list " + RESOURCE
                        + " is missing from the class path next to " + TopLevelDomains.class.getName()
                        + "; the harness-core jar is incomplete, rebuild or re-download it");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            Set<String> domains = new HashSet<>();
            String version = "unknown";
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.trim();
                if (trimmed.startsWith("# Version ")) {
                    version = trimmed.substring("# Version ".length());
                } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    domains.add(trimmed.toLowerCase(Locale.ROOT));
                }
            }
            return new TopLevelDomains(domains, version);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the IANA top-level-domain list " + RESOURCE, e);
        }
    }
}
