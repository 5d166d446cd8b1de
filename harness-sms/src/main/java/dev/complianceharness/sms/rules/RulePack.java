package dev.complianceharness.sms.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.complianceharness.sms.rules.internal.RuleFileParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A named, versioned collection of contact-window rules, such as the one shipped with harness-sms
 * ({@link #standard()}) or one a team keeps next to its tests.
 *
 * <p>Packs are text, one block per rule:
 * <pre>
 * pack: acme-contact-windows
 * version: 2026.12.1
 *
 * rule: us-fl-501.616
 * title: Florida Telemarketing Act calling hours
 * jurisdiction: US-FL
 * citation: Fla. Stat. 501.616(6)
 * confidence: high
 * effective-from: 2021-07-01
 * kinds: marketing
 * window: mon-sun 08:00-20:00
 * closed-on-holidays: US-FL
 * notes: free text for a reviewer
 * </pre>
 * A block with {@code cap: 3 per 24h} instead of windows is a frequency cap on the kinds it names. Also
 * {@code source:} (URL), or {@code no-source:} with the reason no official text could be given (then the
 * confidence may not be high), {@code effective-to:}, {@code holiday-weekend-shift: true} and
 * {@code closed-every-day: true}. Days without a window are closed. {@link #parse(String, String)}
 * rejects broken data with the source name and line.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RulePack {

    private static final String STANDARD_RESOURCE = "contact-windows.rules";

    private final String id;
    private final String version;
    private final List<ContactWindowRule> rules;
    private final List<FrequencyCapRule> caps;

    private RulePack(String id, String version, List<ContactWindowRule> rules, List<FrequencyCapRule> caps) {
        this.id = id;
        this.version = version;
        this.rules = List.copyOf(rules);
        this.caps = List.copyOf(caps);
    }

    /**
     * A pack from rules built in code.
     *
     * @param id the pack's name, for example {@code "acme-contact-windows"}
     * @param version the pack's version, for example {@code "2026.12.1"}
     * @param rules the rules; ids must be unique
     * @return the pack
     * @throws RuleDataException if the id or version is blank or two rules share an id
     */
    public static RulePack of(String id, String version, List<ContactWindowRule> rules) {
        return of(id, version, rules, List.of());
    }

    /**
     * A pack from contact-window rules and frequency caps built in code.
     *
     * @param id the pack's name
     * @param version the pack's version
     * @param rules the contact-window rules
     * @param caps the frequency caps; ids must be unique across rules and caps
     * @return the pack
     * @throws RuleDataException if the id or version is blank or two rules or caps share an id
     */
    public static RulePack of(String id, String version, List<ContactWindowRule> rules, List<FrequencyCapRule> caps) {
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            throw new RuleDataException("A rule pack needs a name and a version, got '" + id + "' and '" + version + "'");
        }
        Set<String> ids = new HashSet<>();
        for (ContactWindowRule rule : Objects.requireNonNull(rules, "rules")) {
            if (!ids.add(rule.id())) {
                throw new RuleDataException("Rule pack '" + id + "' has two rules with id '" + rule.id()
                        + "': give each rule its own id");
            }
        }
        for (FrequencyCapRule cap : Objects.requireNonNull(caps, "caps")) {
            if (!ids.add(cap.id())) {
                throw new RuleDataException("Rule pack '" + id + "' has two rules with id '" + cap.id()
                        + "': give each rule its own id");
            }
        }
        return new RulePack(id.strip(), version.strip(), rules, caps);
    }

    /**
     * Parses a pack from text.
     *
     * @param sourceName where the text came from, used in error messages (a file name)
     * @param text the pack
     * @return the pack
     * @throws RuleDataException naming the source, the line and what is wrong
     */
    public static RulePack parse(String sourceName, String text) {
        return RuleFileParser.parse(Objects.requireNonNull(sourceName, "source name"), Objects.requireNonNull(text, "text"));
    }

    /**
     * The pack shipped with harness-sms: US federal (TCPA), DC, FL, OK, MD, CT, WA, MA, UT, AL, LA, MS, TX,
     * RI, Canada, France, Australia, India, the UAE, and the United Kingdom and Germany (no statutory hours;
     * listed so that their numbers are covered).
     *
     * @return the standard pack
     */
    public static RulePack standard() {
        return Standard.PACK;
    }

    /** @return the pack's name */
    public String id() {
        return id;
    }

    /** @return the pack's version */
    public String version() {
        return version;
    }

    /** @return the contact-window rules in the order given */
    public List<ContactWindowRule> rules() {
        return rules;
    }

    /** @return the frequency caps in the order given */
    public List<FrequencyCapRule> caps() {
        return caps;
    }

    /**
     * @param ruleId a rule id
     * @return the rule with that id, if the pack has it
     */
    public Optional<ContactWindowRule> rule(String ruleId) {
        return rules.stream().filter(rule -> rule.id().equals(ruleId)).findFirst();
    }

    /** @return for example {@code "harness-sms-contact-windows 2026.12.1 (21 rules)"} */
    public String describe() {
        return id + " " + version + " (" + rules.size() + " rules" + (caps.isEmpty() ? "" : ", " + caps.size() + " caps")
                + ")";
    }

    @Override
    public String toString() {
        return "RulePack[" + describe() + "]";
    }

    /** Loads the shipped pack once, when first asked for. */
    private static final class Standard {
        static final RulePack PACK = load();

        private static RulePack load() {
            try (InputStream in = RulePack.class.getResourceAsStream(STANDARD_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("harness-sms resource " + STANDARD_RESOURCE
                            + " is missing from the class path");
                }
                return parse(STANDARD_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read harness-sms resource " + STANDARD_RESOURCE, e);
            }
        }
    }
}
