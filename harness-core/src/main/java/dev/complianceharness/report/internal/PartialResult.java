package dev.complianceharness.report.internal;

import dev.complianceharness.invariant.InvariantResult;
import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.invariant.PolicyChoice;
import dev.complianceharness.invariant.ReviewQuestion;
import dev.complianceharness.report.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one launch (one test JVM of a Surefire fork, one IDE run, one launcher session) found, written as
 * {@code partials/<launch>.json} in the report directory. The report of a module, and of a whole build, is the merge
 * of its partial results, so that no fork's or launch's results overwrite another's.
 *
 * @param launchId    a unique id of the launch, also the file's name
 * @param startedAt   when the launch started
 * @param finishedAt  when it finished
 * @param module      the directory of the module whose tests ran (Surefire's {@code basedir}, else the working directory)
 * @param tests       the tests that ran under the harness
 * @param modules     the invariant modules that were active
 * @param zones       the liability zones found in the module's code, if any test needed them
 * @param runWarnings what the harness could not check in the launch as a whole (unknown configuration keys)
 */
public record PartialResult(String launchId, Instant startedAt, Instant finishedAt, String module, List<TestResult> tests,
                            List<ModuleDescription> modules, Optional<ZoneDiscovery.Result> zones, List<String> runWarnings) {

    /** The format written in every partial result. */
    public static final String FORMAT = "compliance-harness-partial/1";

    /** Copies the lists. */
    public PartialResult {
        Objects.requireNonNull(launchId, "launchId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(module, "module");
        tests = List.copyOf(tests);
        modules = List.copyOf(modules);
        Objects.requireNonNull(zones, "zones");
        runWarnings = List.copyOf(runWarnings);
    }

    /**
     * The partial result as JSON.
     *
     * @return the document
     */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("launch", new Json.Verbatim(launchId));
        root.put("startedAt", startedAt.toString());
        root.put("finishedAt", finishedAt.toString());
        root.put("module", new Json.Verbatim(module));
        root.put("tests", tests.stream().map(PartialResult::testJson).toList());
        root.put("modules", modules.stream().map(PartialResult::moduleJson).toList());
        root.put("zones", zones.map(result -> ordered("source", new Json.Verbatim(result.source()), "problems", result.problems(),
                "zones", result.zones().stream().map(zone -> ordered("name", zone.name(), "tier", zone.tier().name(),
                        "owner", zone.owner(), "regulations", zone.regulations(), "guardedBy", zone.guardedBy(),
                        "classes", zone.classes())).toList())));
        root.put("runWarnings", runWarnings);
        // a partial result is a file the harness writes like the report: every text redacted, ids and seeds as they are
        return Json.writeRedacted(root);
    }

    private static Map<String, Object> testJson(TestResult test) {
        return ordered("id", new Json.Verbatim(test.id()), "testClass", test.testClass(), "name", test.name(), "status", test.status().name(),
                "failure", test.failure(),
                "invariants", test.invariants().stream().map(PartialResult::outcomeJson).toList(),
                "properties", test.properties().stream().map(property -> ordered("property", property.property(),
                        "tries", property.tries(), "seed", new Json.Verbatim(Long.toString(property.seed())), "labels", property.labels(),
                        "passed", property.passed(), "failure", property.failureSummary(), "notes", property.notes(),
                        "warnings", property.warnings())).toList(),
                "warnings", test.warnings());
    }

    private static Map<String, Object> outcomeJson(InvariantOutcome outcome) {
        InvariantInfo invariant = outcome.invariant();
        InvariantInfo.RegulationInfo regulation = invariant.regulation();
        return ordered("module", outcome.moduleId(), "moduleVersion", outcome.moduleVersion(),
                "invariant", ordered("id", invariant.id(), "description", invariant.description(), "form", invariant.form(),
                        "tier", invariant.tier().name(), "ownerName", invariant.ownerName(),
                        "ownerContact", invariant.ownerContact(), "rationale", invariant.rationale(),
                        "regulation", ordered("id", regulation.id(), "title", regulation.title(),
                                "citation", regulation.citation(), "jurisdiction", regulation.jurisdiction(),
                                "source", regulation.source().map(ReportWriter::sourceAddress), "effectiveFrom", regulation.effectiveFrom(),
                                "effectiveTo", regulation.effectiveTo(), "confidence", regulation.confidence())),
                "status", outcome.status().name(),
                "violations", outcome.violations().stream().map(violation -> ordered("message", violation.message(),
                        "evidence", violation.evidence())).toList(),
                "error", outcome.error());
    }

    private static Map<String, Object> moduleJson(ModuleDescription module) {
        return ordered("id", module.id(), "version", module.version(), "title", module.title(),
                "reviewedOn", module.reviewedOn().map(Object::toString),
                "rubric", module.rubric().stream().map(question -> ordered("question", question.question(),
                        "automatedBy", question.automatedBy())).toList(),
                "overrides", module.overrides().stream().map(override -> ordered("replaced", override.replacedInvariantId(),
                        "replacedModule", override.replacedModuleId(), "replacement", override.replacementInvariantId(),
                        "reason", override.reason())).toList(),
                "dataVersions", new java.util.TreeMap<>(module.dataVersions()),
                "policies", module.policies().stream().map(policy -> ordered("policy", policy.policy(),
                        "choice", policy.choice(), "reason", policy.reason(), "source", ReportWriter.sourceAddress(policy.source()))).toList());
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * Reads a partial result back.
     *
     * @param json the document
     * @return the partial result
     * @throws IllegalArgumentException saying what is wrong, when the document is not a partial result of this format
     */
    public static PartialResult fromJson(String json) {
        Fields root = new Fields(JsonReader.parse(json), "the document");
        String format = root.text("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("its format is '" + format + "', not " + FORMAT);
        }
        return new PartialResult(root.text("launch"), Instant.parse(root.text("startedAt")),
                Instant.parse(root.text("finishedAt")), root.text("module"),
                root.list("tests").stream().map(PartialResult::testFrom).toList(),
                root.list("modules").stream().map(PartialResult::moduleFrom).toList(),
                root.optional("zones").map(PartialResult::zonesFrom),
                root.list("runWarnings").stream().map(Fields::string).toList());
    }

    private static TestResult testFrom(Fields test) {
        return new TestResult(test.text("id"), test.text("testClass"), test.text("name"),
                TestResult.Status.valueOf(test.text("status")), test.optionalText("failure"),
                test.list("invariants").stream().map(PartialResult::outcomeFrom).toList(),
                test.list("properties").stream().map(property -> new PropertyOutcome(property.text("property"),
                        (int) property.number("tries"), Long.parseLong(property.text("seed")), property.longs("labels"),
                        property.bool("passed"), property.optionalText("failure"), property.texts("notes"),
                        property.list("warnings").stream().map(Fields::string).toList())).toList(),
                test.list("warnings").stream().map(Fields::string).toList());
    }

    private static InvariantOutcome outcomeFrom(Fields outcome) {
        Fields invariant = outcome.object("invariant");
        Fields regulation = invariant.object("regulation");
        InvariantInfo info = new InvariantInfo(invariant.text("id"), invariant.text("description"), invariant.text("form"),
                LiabilityTier.valueOf(invariant.text("tier")), invariant.text("ownerName"), invariant.text("ownerContact"),
                new InvariantInfo.RegulationInfo(regulation.text("id"), regulation.text("title"), regulation.text("citation"),
                        regulation.text("jurisdiction"), regulation.optionalText("source"),
                        regulation.optionalText("effectiveFrom"), regulation.optionalText("effectiveTo"),
                        regulation.text("confidence")),
                invariant.optionalText("rationale"));
        return new InvariantOutcome(outcome.text("module"), outcome.text("moduleVersion"), info,
                InvariantResult.Status.valueOf(outcome.text("status")),
                outcome.list("violations").stream().map(violation -> new InvariantOutcome.ViolationText(
                        violation.text("message"), violation.list("evidence").stream().map(Fields::string).toList())).toList(),
                outcome.optionalText("error"));
    }

    private static ModuleDescription moduleFrom(Fields module) {
        return new ModuleDescription(module.text("id"), module.text("version"), module.text("title"),
                module.optionalText("reviewedOn").map(LocalDate::parse),
                module.list("rubric").stream().map(question -> new ReviewQuestion(question.text("question"),
                        question.list("automatedBy").stream().map(Fields::string).toList())).toList(),
                module.list("overrides").stream().map(override -> new ModuleDescription.OverrideDescription(
                        override.text("replaced"), override.text("replacedModule"), override.text("replacement"),
                        override.text("reason"))).toList(),
                module.texts("dataVersions"),
                module.list("policies").stream().map(policy -> PolicyChoice.of(policy.text("policy"), policy.text("choice"),
                        policy.text("reason"), policy.text("source"))).toList());
    }

    private static ZoneDiscovery.Result zonesFrom(Fields zones) {
        return new ZoneDiscovery.Result(zones.list("zones").stream().map(zone -> new ZoneInput(zone.text("name"),
                LiabilityTier.valueOf(zone.text("tier")), zone.text("owner"),
                zone.list("regulations").stream().map(Fields::string).toList(),
                zone.list("guardedBy").stream().map(Fields::string).toList(),
                zone.list("classes").stream().map(Fields::string).toList())).toList(),
                zones.list("problems").stream().map(Fields::string).toList(), zones.text("source"));
    }

    /** Typed access to a parsed JSON value, failing with the field's path. */
    private static final class Fields {
        private final Object value;
        private final String path;

        Fields(Object value, String path) {
            this.value = value;
            this.path = path;
        }

        private Object field(String name) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(path + " is not an object");
            }
            if (!map.containsKey(name)) {
                throw new IllegalArgumentException(path + " has no field '" + name + "'");
            }
            return map.get(name);
        }

        String text(String name) {
            Object field = field(name);
            if (!(field instanceof String text)) {
                throw new IllegalArgumentException(path + "." + name + " is not a string");
            }
            return text;
        }

        Optional<String> optionalText(String name) {
            return field(name) == null ? Optional.empty() : Optional.of(text(name));
        }

        long number(String name) {
            Object field = field(name);
            if (field instanceof Long number) {
                return number;
            }
            if (field instanceof BigDecimal decimal) {
                return decimal.longValueExact();
            }
            throw new IllegalArgumentException(path + "." + name + " is not a whole number");
        }

        boolean bool(String name) {
            Object field = field(name);
            if (!(field instanceof Boolean bool)) {
                throw new IllegalArgumentException(path + "." + name + " is not true or false");
            }
            return bool;
        }

        Fields object(String name) {
            return new Fields(field(name), path + "." + name);
        }

        Optional<Fields> optional(String name) {
            return field(name) == null ? Optional.empty() : Optional.of(object(name));
        }

        List<Fields> list(String name) {
            Object field = field(name);
            if (!(field instanceof List<?> list)) {
                throw new IllegalArgumentException(path + "." + name + " is not a list");
            }
            java.util.ArrayList<Fields> items = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                items.add(new Fields(list.get(i), path + "." + name + "[" + i + "]"));
            }
            return items;
        }

        Map<String, String> texts(String name) {
            Map<String, String> texts = new LinkedHashMap<>();
            Fields map = object(name);
            if (!(map.value instanceof Map<?, ?> entries)) {
                throw new IllegalArgumentException(path + "." + name + " is not an object");
            }
            for (Object key : entries.keySet()) {
                texts.put((String) key, map.text((String) key));
            }
            return texts;
        }

        Map<String, Long> longs(String name) {
            Map<String, Long> longs = new LinkedHashMap<>();
            Fields map = object(name);
            if (!(map.value instanceof Map<?, ?> entries)) {
                throw new IllegalArgumentException(path + "." + name + " is not an object");
            }
            for (Object key : entries.keySet()) {
                longs.put((String) key, map.number((String) key));
            }
            return longs;
        }

        String string() {
            if (!(value instanceof String text)) {
                throw new IllegalArgumentException(path + " is not a string");
            }
            return text;
        }
    }
}
