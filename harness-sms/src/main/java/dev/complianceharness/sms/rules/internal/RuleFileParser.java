package dev.complianceharness.sms.rules.internal;

import dev.complianceharness.invariant.Confidence;
import dev.complianceharness.invariant.Regulation;
import dev.complianceharness.sms.MessageKind;
import dev.complianceharness.sms.rules.ContactWindowRule;
import dev.complianceharness.sms.rules.DailyWindow;
import dev.complianceharness.sms.rules.FrequencyCapRule;
import dev.complianceharness.sms.rules.RuleDataException;
import dev.complianceharness.sms.rules.RulePack;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses the text form of a {@link RulePack}; see its Javadoc for the format. */
public final class RuleFileParser {

    private static final Set<String> RULE_KEYS = Set.of("rule", "title", "jurisdiction", "citation", "source", "no-source",
            "confidence", "effective-from", "effective-to", "kinds", "window", "closed-on-holidays",
            "holiday-weekend-shift", "closed-every-day", "notes", "cap");
    private static final Map<String, DayOfWeek> DAYS = days();
    private static final java.util.regex.Pattern CAP = java.util.regex.Pattern.compile("(\\d{1,4})\\s+per\\s+(\\d{1,5})\\s*h");

    private final String sourceName;
    private String packId;
    private int lineNumber;

    private RuleFileParser(String sourceName) {
        this.sourceName = sourceName;
    }

    /**
     * @param sourceName where the text came from
     * @param text the pack text
     * @return the pack
     */
    public static RulePack parse(String sourceName, String text) {
        return new RuleFileParser(sourceName).parse(text);
    }

    private RulePack parse(String text) {
        String version = null;
        List<ContactWindowRule> rules = new ArrayList<>();
        List<FrequencyCapRule> caps = new ArrayList<>();
        List<String[]> block = new ArrayList<>();
        int blockStart = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            lineNumber = i + 1;
            String line = i < lines.length ? lines[i].strip() : "";
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (!block.isEmpty()) {
                    int end = lineNumber;
                    lineNumber = blockStart;
                    Object parsed = rule(block, blockStart);
                    if (parsed instanceof FrequencyCapRule cap) {
                        caps.add(cap);
                    } else {
                        rules.add((ContactWindowRule) parsed);
                    }
                    lineNumber = end;
                    block.clear();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw error("expected 'key: value', got '" + line + "'");
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (block.isEmpty() && ("pack".equals(key) || "version".equals(key))) {
                if ("pack".equals(key)) {
                    packId = value;
                } else {
                    version = value;
                }
                continue;
            }
            if (block.isEmpty()) {
                if (!"rule".equals(key)) {
                    throw error("a rule block starts with 'rule: <id>', got '" + key + "'");
                }
                blockStart = lineNumber;
            } else if ("rule".equals(key)) {
                throw error("a new 'rule:' needs a blank line before it");
            }
            if (!RULE_KEYS.contains(key)) {
                throw error("unknown key '" + key + "'; known keys are " + new java.util.TreeSet<>(RULE_KEYS));
            }
            block.add(new String[] {key, value, Integer.toString(lineNumber)});
        }
        if (packId == null || version == null) {
            throw new RuleDataException(sourceName + ": the pack needs a header with 'pack: <name>' and 'version: <version>'");
        }
        try {
            return RulePack.of(packId, version, rules, caps);
        } catch (RuleDataException e) {
            throw new RuleDataException(sourceName + ": " + e.getMessage(), e);
        }
    }

    private Object rule(List<String[]> block, int ruleLine) {
        Map<String, List<String[]>> values = new LinkedHashMap<>();
        for (String[] entry : block) {
            values.computeIfAbsent(entry[0], k -> new ArrayList<>()).add(entry);
        }
        for (Map.Entry<String, List<String[]>> entry : values.entrySet()) {
            if (!"window".equals(entry.getKey()) && entry.getValue().size() > 1) {
                lineNumber = Integer.parseInt(entry.getValue().get(1)[2]);
                throw error("'" + entry.getKey() + "' is given twice in one rule");
            }
        }
        String id = single(values, "rule");
        try {
            Regulation.Builder regulation = Regulation.builder(id);
            String citation = single(values, "citation");
            if (citation == null) {
                throw error("rule '" + id + "' has no citation: add 'citation: <statute or rule a counsel can look up>'");
            }
            regulation.citation(citation);
            String jurisdiction = single(values, "jurisdiction");
            if (jurisdiction == null) {
                throw error("rule '" + id + "' has no jurisdiction: add 'jurisdiction: US-FL' (ISO 3166)");
            }
            regulation.jurisdiction(jurisdiction);
            ifPresent(values, "title", regulation::title);
            ifPresent(values, "source", regulation::source);
            ifPresent(values, "no-source", regulation::withoutSource);
            String confidence = single(values, "confidence");
            if (confidence == null) {
                throw error("rule '" + id + "' has no confidence: add 'confidence: high', 'medium' or 'uncertain'");
            }
            regulation.confidence(confidence(confidence));
            ifPresent(values, "effective-from", text -> regulation.effectiveFrom(date(text)));
            ifPresent(values, "effective-to", text -> regulation.effectiveTo(date(text)));
            lineNumber = ruleLine;
            Regulation built = regulation.build();
            String kinds = single(values, "kinds");
            if (kinds == null) {
                throw error("rule '" + id + "' names no message kinds: add 'kinds: marketing'");
            }
            if (values.containsKey("cap")) {
                return cap(values, id, built, kinds);
            }
            ContactWindowRule.Builder rule = ContactWindowRule.builder(built);
            for (String kind : kinds.split(",")) {
                rule.kinds(kind(kind.strip()));
            }
            for (String[] window : values.getOrDefault("window", List.of())) {
                lineNumber = Integer.parseInt(window[2]);
                windows(rule, window[1]);
            }
            ifPresent(values, "closed-on-holidays", rule::closedOnHolidays);
            ifPresent(values, "holiday-weekend-shift", text -> rule.holidayWeekendShift(bool(text)));
            ifPresent(values, "closed-every-day", text -> {
                if (bool(text)) {
                    rule.closedEveryDay();
                }
            });
            ifPresent(values, "notes", rule::notes);
            lineNumber = ruleLine;
            return rule.build();
        } catch (RuleDataException e) {
            if (e.getMessage().startsWith(sourceName + " ")) {
                throw e;
            }
            throw error(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private FrequencyCapRule cap(Map<String, List<String[]>> values, String id, Regulation regulation, String kinds) {
        for (String windowKey : List.of("window", "closed-on-holidays", "holiday-weekend-shift", "closed-every-day")) {
            if (values.containsKey(windowKey)) {
                lineNumber = Integer.parseInt(values.get(windowKey).get(0)[2]);
                throw error("rule '" + id + "' is a cap and also has '" + windowKey + "': a block is either a cap or a"
                        + " contact window");
            }
        }
        java.util.Set<MessageKind> counted = java.util.EnumSet.noneOf(MessageKind.class);
        for (String kind : kinds.split(",")) {
            counted.add(kind(kind.strip()));
        }
        String text = single(values, "cap");
        java.util.regex.Matcher matcher = CAP.matcher(text);
        if (!matcher.matches()) {
            throw error("a cap is '<count> per <hours>h', such as 'cap: 3 per 24h'; got '" + text + "'");
        }
        return FrequencyCapRule.of(regulation, counted, Integer.parseInt(matcher.group(1)),
                java.time.Duration.ofHours(Long.parseLong(matcher.group(2))));
    }

    private void windows(ContactWindowRule.Builder rule, String text) {
        int space = text.indexOf(' ');
        if (space < 0) {
            throw error("a window is '<days> <HH:MM-HH:MM>[, ...]', such as 'mon-fri 10:00-13:00, 14:00-20:00'; got '"
                    + text + "'");
        }
        List<DayOfWeek> days = days(text.substring(0, space).strip());
        for (String window : text.substring(space + 1).split(",")) {
            DailyWindow parsed = DailyWindow.parse(window);
            days.forEach(day -> rule.window(day, parsed));
        }
    }

    private List<DayOfWeek> days(String text) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : text.toLowerCase(Locale.ROOT).split(",")) {
            String[] range = part.split("-");
            DayOfWeek from = day(range[0]);
            DayOfWeek to = range.length > 1 ? day(range[1]) : from;
            if (range.length > 2 || to.compareTo(from) < 0) {
                throw error("the days '" + part + "' are not a run from Monday towards Sunday, such as 'mon-fri'");
            }
            for (DayOfWeek day = from; ; day = day.plus(1)) {
                days.add(day);
                if (day == to) {
                    break;
                }
            }
        }
        return days;
    }

    private DayOfWeek day(String text) {
        DayOfWeek day = DAYS.get(text.strip());
        if (day == null) {
            throw error("unknown day '" + text + "'; use mon, tue, wed, thu, fri, sat, sun");
        }
        return day;
    }

    private Confidence confidence(String text) {
        try {
            return Confidence.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error("unknown confidence '" + text + "'; use high, medium or uncertain");
        }
    }

    private MessageKind kind(String text) {
        try {
            return MessageKind.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw error("unknown message kind '" + text + "'; use "
                    + java.util.Arrays.toString(MessageKind.values()).toLowerCase(Locale.ROOT));
        }
    }

    private LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error("'" + text + "' is not an ISO date such as 2021-07-01");
        }
    }

    private boolean bool(String text) {
        if (!"true".equalsIgnoreCase(text) && !"false".equalsIgnoreCase(text)) {
            throw error("'" + text + "' is neither true nor false");
        }
        return Boolean.parseBoolean(text);
    }

    private String single(Map<String, List<String[]>> values, String key) {
        List<String[]> entries = values.get(key);
        if (entries == null) {
            return null;
        }
        lineNumber = Integer.parseInt(entries.get(0)[2]);
        return entries.get(0)[1];
    }

    private void ifPresent(Map<String, List<String[]>> values, String key, java.util.function.Consumer<String> action) {
        String value = single(values, key);
        if (value != null) {
            action.accept(value);
        }
    }

    private RuleDataException error(String message) {
        return new RuleDataException(sourceName + (packId == null ? "" : " (pack " + packId + ")") + " line " + lineNumber
                + ": " + message);
    }

    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().substring(0, 3).toLowerCase(Locale.ROOT), day);
        }
        return days;
    }
}
