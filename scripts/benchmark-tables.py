#!/usr/bin/env python3
"""Regenerates the benchmark tables in docs/performance.md from JMH's JSON results.

    python3 scripts/benchmark-tables.py            # rewrite the tables between the markers
    python3 scripts/benchmark-tables.py --check    # exit 1 if the tables differ from what the results give

It reads every benchmarks/results/*.json (written by JMH with -rf json, for example by
scripts/run-benchmarks.sh) and replaces the text between each pair of markers

    <!-- BEGIN GENERATED: summary -->  ...  <!-- END GENERATED: summary -->
    <!-- BEGIN GENERATED: details -->  ...  <!-- END GENERATED: details -->

Nothing in a table is typed by hand. The rules it keeps:
  * a figure and its baseline are taken from the same JSON file, that is from the same JMH run; a row whose
    two sides come from different runs says so instead of showing a ratio;
  * a benchmark found in two files is an error naming both (delete the older file or run it again), never
    a silent choice;
  * a row whose benchmarks are in no file says "not measured" (with the command that measures it); it is
    never dropped;
  * secondary results that are facts of a run (recall, megabytes, minimal) are read per iteration
    (JMH sums such counters over iterations in "score"); if iterations disagree, the range is shown.
"""

import argparse
import json
import math
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DOC = ROOT / "docs" / "performance.md"
PACKAGE = "dev.complianceharness.benchmarks."


class ResultError(Exception):
    """Results that cannot be turned into tables honestly."""


class Result:
    """One benchmark method with one set of parameters, from one JSON file."""

    def __init__(self, entry, source):
        self.name = entry["benchmark"]
        self.short = self.name[len(PACKAGE):] if self.name.startswith(PACKAGE) else self.name
        self.cls, self.method = self.short.rsplit(".", 1)
        self.cls = self.cls.rsplit(".", 1)[-1]
        self.params = entry.get("params", {}) or {}
        self.mode = entry["mode"]
        self.source = source
        metric = entry["primaryMetric"]
        self.score = metric["score"]
        self.error = metric.get("scoreError")
        self.unit = metric["scoreUnit"]
        self.secondary = {name: value for name, value in (entry.get("secondaryMetrics") or {}).items()}
        self.percentiles = metric.get("scorePercentiles") or {}
        self.raw = [value for fork in metric.get("rawData") or [] for value in fork]
        self.forks = entry.get("forks", 0)
        self.load = next((argument.split("=", 1)[1] for argument in entry.get("jvmArgs") or []
                          if argument.startswith("-Dbenchmark.loadAverage=")), None)
        self.cores = next((argument.split("=", 1)[1] for argument in entry.get("jvmArgs") or []
                           if argument.startswith("-Dbenchmark.cores=")), None)
        self.settings = "JMH %s, %s %s; %d fork(s), %d × %s warm-up, %d × %s measured, %d thread(s)" % (
            entry.get("jmhVersion", "?"), entry.get("vmName", "?"), entry.get("jdkVersion", "?"), entry.get("forks", 0),
            entry.get("warmupIterations", 0), entry.get("warmupTime", "?"), entry.get("measurementIterations", 0),
            entry.get("measurementTime", "?"), entry.get("threads", 1))
        if self.load is not None:
            self.settings += "; load average %s (1, 5, 15 min) on %s cores when the run started" % (
                self.load.replace(",", ", "), self.cores or "?")

    def key(self):
        return (self.name, tuple(sorted(self.params.items())))

    def median(self):
        """The median over the forks (JMH's scorePercentiles "50.0", else computed from the raw data), in the score's unit."""
        if "50.0" in self.percentiles:
            return self.percentiles["50.0"]
        if self.raw:
            return statistics.median(self.raw)
        raise ResultError("%s in %s has no median: neither scorePercentiles nor rawData" % (self.short, self.source))

    def fact(self, name):
        """A secondary result that is a fact of the run: its per-iteration value, or a range."""
        metric = self.secondary.get(name)
        if metric is None:
            return None
        values = [value for fork in metric.get("rawData", []) for value in fork]
        if not values:
            return None
        low, high = min(values), max(values)
        return (low, high)


def load(paths):
    results = {}
    for path in paths:
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as problem:
            raise ResultError("%s is not JMH's JSON output: %s" % (path.relative_to(ROOT), problem))
        if not isinstance(entries, list):
            raise ResultError("%s is not JMH's JSON output (a list of benchmark results)" % path.relative_to(ROOT))
        for entry in entries:
            result = Result(entry, path.name)
            earlier = results.get(result.key())
            if earlier is not None:
                raise ResultError("%s%s is in both %s and %s: keep one run of each benchmark (delete the older file,"
                                  " or run the benchmark again with scripts/run-benchmarks.sh)"
                                  % (result.short, format_params(result.params), earlier.source, result.source))
            results[result.key()] = result
    return results


def find(results, short, **params):
    for result in results.values():
        if result.short.endswith(short) and all(str(result.params.get(k)) == str(v) for k, v in params.items()):
            return result
    return None


# ---- formatting ---------------------------------------------------------------------------------------------

def format_params(params):
    return "" if not params else " (" + ", ".join("%s=%s" % item for item in sorted(params.items())) + ")"


def number(value, digits=3):
    """A number rounded to three significant digits, with thousands separators and no needless decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if value == 0:
        return "0"
    rounded = round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))
    if float(rounded).is_integer():
        return "{:,d}".format(int(rounded))
    return "{:,}".format(rounded)


def rate(per_second):
    for limit, suffix in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if per_second >= limit:
            return number(per_second / limit) + suffix
    return number(per_second) + " "


def seconds_per_op(result):
    """Seconds per operation, from an average-time or throughput result."""
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0}
    unit = result.unit
    if result.mode in ("avgt", "ss", "sample"):
        return result.score * scale[unit.split("/")[0]]
    if result.mode == "thrpt":
        return 1.0 / (result.score / scale[unit.split("/")[1]])
    raise ResultError("cannot read mode %s of %s" % (result.mode, result.short))


def duration(seconds):
    for limit, unit in ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs")):
        if seconds >= limit:
            return number(seconds / limit) + " " + unit
    return number(seconds / 1e-9) + " ns"


def fact_text(fact, fmt="{}"):
    if fact is None:
        return "n/a"
    low, high = fact
    if low == high:
        return fmt.format(number(low))
    return fmt.format(number(low) + "–" + number(high))


# ---- the summary --------------------------------------------------------------------------------------------

NOT_MEASURED = "not measured: `scripts/run-benchmarks.sh %s`"


def pair(results, harness, baseline, params=None):
    params = params or {}
    first, second = find(results, harness, **params), find(results, baseline, **params)
    return first, second


def same_run(first, second):
    return first is not None and second is not None and first.source == second.source


def ratio_text(slower, faster, larger_is_better=False):
    if faster <= 0 or slower <= 0:
        return "n/a"
    return "%s×" % number(slower / faster)


def row_time(results, what, harness, baseline, benchmark, params=None, baseline_label=""):
    """A row comparing time per operation: harness and baseline, and how many times slower or faster."""
    first, second = pair(results, harness, baseline, params)
    if first is None or second is None:
        return [what, NOT_MEASURED % benchmark, "", ""]
    if not same_run(first, second):
        return [what, duration(seconds_per_op(first)), duration(seconds_per_op(second)),
                "not comparable: %s and %s are different runs" % (first.source, second.source)]
    a, b = seconds_per_op(first), seconds_per_op(second)
    relation = ("%s the baseline's time" % ratio_text(a, b)) if a >= b else ("%s faster" % ratio_text(b, a))
    return [what, duration(a), duration(b) + baseline_label, relation]


def row_rate(results, what, harness, baseline, benchmark, unit, params=None, baseline_label=""):
    first, second = pair(results, harness, baseline, params)
    if first is None or second is None:
        return [what, NOT_MEASURED % benchmark, "", ""]
    a, b = 1.0 / seconds_per_op(first), 1.0 / seconds_per_op(second)
    if not same_run(first, second):
        return [what, rate(a) + unit, rate(b) + unit, "not comparable: %s and %s are different runs"
                % (first.source, second.source)]
    relation = ("%s faster" % ratio_text(a, b)) if a >= b else ("%s slower" % ratio_text(b, a))
    return [what, rate(a) + unit, rate(b) + unit + baseline_label, relation]


def row_pii(results, corpus):
    first, second = pair(results, "PiiScanBenchmark.harnessScanner", "PiiScanBenchmark.baselineScanner",
                         {"corpus": corpus})
    what = "PII scan of the %s corpus, one thread, every detector on (`PiiScanBenchmark`)" % corpus
    if first is None or second is None:
        return [what, NOT_MEASURED % "PiiScanBenchmark", "", ""]

    def describe(result):
        megabytes = result.fact("megabytes")
        speed = "n/a" if megabytes is None else number(megabytes[0] / seconds_per_op(result)) + " MB/s"
        return "%s, recall %s, %s false positives" % (speed, fact_text(result.fact("recall"), "{} %"),
                                                     fact_text(result.fact("falsePositives")))

    if not same_run(first, second):
        return [what, describe(first), describe(second), "not comparable: different runs"]
    a, b = seconds_per_op(first), seconds_per_op(second)
    relation = ("%s faster" % ratio_text(b, a)) if a <= b else ("%s slower" % ratio_text(a, b))
    return [what, describe(first), describe(second) + " (one alternation, one pass)", relation]


def row_shrinking(results):
    what = "shrinking challenges reduced to the known minimum, and median shrink time (`ShrinkingChallengeBenchmark`)"
    challenges = sorted({r.params.get("challenge") for r in results.values()
                         if r.cls == "ShrinkingChallengeBenchmark" and r.params.get("challenge")})
    if not challenges:
        return [what, NOT_MEASURED % "ShrinkingChallengeBenchmark", "", ""]
    engine_minimal, naive_minimal, engine_times, naive_times, incomplete = 0, 0, [], [], []
    for challenge in challenges:
        shrink = find(results, "ShrinkingChallengeBenchmark.findAndShrink", challenge=challenge)
        only = find(results, "ShrinkingChallengeBenchmark.findOnly", challenge=challenge)
        naive = find(results, "ShrinkingChallengeBenchmark.naiveShrink", challenge=challenge)
        if None in (shrink, only, naive) or not (shrink.source == only.source == naive.source):
            incomplete.append(challenge)
            continue
        engine_minimal += shrink.fact("minimal") == (1.0, 1.0)
        naive_minimal += naive.fact("minimal") == (1.0, 1.0)
        engine_times.append(max(seconds_per_op(shrink) - seconds_per_op(only), 0.0))
        naive_times.append(seconds_per_op(naive))
    if incomplete:
        return [what, "incomplete for %s" % ", ".join(incomplete), "", ""]
    total = len(challenges)
    return [what, "%d of %d, %s" % (engine_minimal, total, duration(statistics.median(engine_times))),
            "%d of %d, %s (QuickCheck-style value shrinker)" % (naive_minimal, total, duration(statistics.median(naive_times))),
            "%d more minimal" % (engine_minimal - naive_minimal)]


def row_audit(results):
    what = "audit of Kill Bill's payment, invoice and account jars (`AuditBenchmark`)"
    audit = find(results, "AuditBenchmark.audit")
    own_import = find(results, "AuditBenchmark.importWithoutResolution")
    default_import = find(results, "AuditBenchmark.naiveDefaultImport")
    if None in (audit, own_import, default_import):
        return [what, NOT_MEASURED % "AuditBenchmark (after scripts/audit-killbill.sh)", "", ""]
    if not (audit.source == own_import.source == default_import.source):
        return [what, "incomplete: the three parts come from different runs", "", ""]
    a = seconds_per_op(audit)
    b = a - seconds_per_op(own_import) + seconds_per_op(default_import)
    return [what, duration(a), duration(b) + " with ArchUnit's default import (derived: audit − its import + default"
            " import)", "%s faster" % ratio_text(b, a)]


COLD_START_NOT_MEASURED = "not measured: `scripts/cold-start-benchmark.sh`"


def median_seconds(result):
    """The median over the forks of a single-shot result, in seconds."""
    if result.mode != "ss":
        raise ResultError("%s in %s is mode %s: a cold start is measured once per fork (SingleShotTime, mode ss)"
                          % (result.short, result.source, result.mode))
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    return result.median() * scale[result.unit.split("/")[0]]


def row_cold_start(results, what, harness, baseline, baseline_label):
    """A cold-start row: the medians over the forks of the harness's first use and the naive one, and what the
    harness adds to a fresh JVM (issue 19's target: at most 100 ms)."""
    first, second = pair(results, "ColdStartBenchmark." + harness, "ColdStartBenchmark." + baseline)
    what = "%s (`ColdStartBenchmark.%s`)" % (what, harness)
    if first is None or second is None:
        return [what, COLD_START_NOT_MEASURED, "", ""]
    a, b = median_seconds(first), median_seconds(second)
    if not same_run(first, second):
        return [what, duration(a), duration(b), "not comparable: %s and %s are different runs" % (first.source, second.source)]
    forks = min(first.forks, second.forks)
    load = "" if first.load is None else ", load %s" % first.load.split(",")[0]
    added = a - b
    relation = ("adds %s" % duration(added)) if added >= 0 else ("%s less" % duration(-added))
    return [what, "%s median of %d forks%s" % (duration(a), forks, load), duration(b) + baseline_label, relation]


def cold_start_rows(results):
    return [
        row_cold_start(results, "first SMS decision in a fresh JVM: `QuietHours.standard()` and one `decide`",
                       "firstSmsDecision", "naiveSmsCheck", " libphonenumber parse + `java.time`"),
        row_cold_start(results, "first `@ComplianceTest` test with the SMS module in a fresh JVM: session, extension, report,"
                       " zone discovery", "firstSmsComplianceTest", "naiveSmsTest", " the same check as a plain test"),
        row_cold_start(results, "the same in a module that declares a liability zone, whose zones discovery reads from its class files",
                       "firstSmsComplianceTestWithZones", "naiveSmsTest", " the same check as a plain test"),
        row_cold_start(results, "first `@NoPiiInLogs` test in a fresh JVM", "firstNoPiiInLogsTest", "naiveNoPiiInLogsTest",
                       " Logback list appender + three regular expressions"),
        row_cold_start(results, "first generated payment sequence in a fresh JVM", "firstPaymentSequence",
                       "naivePaymentLoop", " ten random requests, two asserts each"),
    ]


def summary(results):
    rows = [
        row_rate(results, "SMS quiet-hours decisions per second, warm, one thread (`DecisionBenchmark`)",
                 "DecisionBenchmark.decide", "DecisionBenchmark.naivePerMessage", "DecisionBenchmark", "/s",
                 baseline_label=" per-message libphonenumber + `java.time`"),
        row_pii(results, "synthetic"),
        row_pii(results, "datafaker"),
        row_time(results, "property engine per try, one int (`PropertyEngineOverheadBenchmark`)",
                 "PropertyEngineOverheadBenchmark.engineIntegers", "PropertyEngineOverheadBenchmark.handWrittenIntegers",
                 "PropertyEngineOverheadBenchmark", baseline_label=" hand-written `SplittableRandom` loop"),
        row_time(results, "property engine per try, a list of 0–20 ints (`PropertyEngineOverheadBenchmark`)",
                 "PropertyEngineOverheadBenchmark.engineLists", "PropertyEngineOverheadBenchmark.handWrittenLists",
                 "PropertyEngineOverheadBenchmark", baseline_label=" hand-written `SplittableRandom` loop"),
        row_shrinking(results),
        row_rate(results, "stateful sequences of 20 commands per second (`StatefulBenchmark`)",
                 "StatefulBenchmark.statefulSequence", "StatefulBenchmark.handWrittenSequences", "StatefulBenchmark", "/s",
                 baseline_label=" bare loop, which cannot shrink or replay"),
        row_rate(results, "concurrent cases (2 × 2 calls, linearizability) per second (`StatefulBenchmark`)",
                 "StatefulBenchmark.statefulConcurrentCase", "StatefulBenchmark.handWrittenConcurrentCases",
                 "StatefulBenchmark", "/s", baseline_label=" two threads checking the final balance only"),
        row_rate(results, "payment sequences executed and checked per second, in memory (`PaymentSequenceBenchmark`)",
                 "PaymentSequenceBenchmark.harnessGeneratedSequences", "PaymentSequenceBenchmark.naiveRandomLoop",
                 "PaymentSequenceBenchmark", "/s", baseline_label=" random requests, two asserts per step"),
        row_audit(results),
    ]
    for forks in ("5", "40"):
        rows.append(row_time(results, "one report from %s forked test JVMs' partial results, 20 tests × 3 invariants each"
                             " (`ReportMergeBenchmark`)" % forks, "ReportMergeBenchmark.mergeEveryFork",
                             "ReportMergeBenchmark.naiveLastForkWins", "ReportMergeBenchmark", {"forks": forks},
                             baseline_label=" the last fork's report alone (the old last-write-wins report, which lost"
                                            " the other forks' tests)"))
    for directory in ("harness-core/target/classes", "examples/target/classes"):
        rows.append(row_time(results, "liability zones of `%s` (`ZoneDiscoveryBenchmark`)" % directory,
                             "ZoneDiscoveryBenchmark.discovery", "ZoneDiscoveryBenchmark.naiveImportEveryTime",
                             "ZoneDiscoveryBenchmark", {"classes": directory},
                             baseline_label=" ArchUnit's default import every time"))
    rows += cold_start_rows(results)
    lines = ["| what | harness | baseline, same run | ratio |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    runs = sorted({result.source for result in results.values()})
    lines.append("")
    lines.append("Runs read: %s." % (", ".join("`benchmarks/results/%s`" % run for run in runs) if runs else "none"))
    return "\n".join(lines)


# ---- the details --------------------------------------------------------------------------------------------

def details(results):
    if not results:
        return "No results yet: run `scripts/run-benchmarks.sh`."
    by_class = {}
    for result in results.values():
        by_class.setdefault(result.cls, []).append(result)
    out = []
    for cls in sorted(by_class):
        group = sorted(by_class[cls], key=lambda r: (r.method, sorted(r.params.items())))
        out.append("### %s" % cls)
        out.append("")
        for source in sorted({r.source for r in group}):
            out.append("`benchmarks/results/%s`: %s." % (source, next(r.settings for r in group if r.source == source)))
        out.append("")
        if all(result.mode == "ss" for result in group):
            out.append("One measurement per fork (SingleShotTime): the median over the forks is the figure; the mean is"
                       " pulled up by the slowest forks.")
            out.append("")
            out.append("| method | forks | median | min | max | mean | unit |")
            out.append("|---|---|---|---|---|---|---|")
            for result in group:
                low = result.percentiles.get("0.0", min(result.raw) if result.raw else None)
                high = result.percentiles.get("100.0", max(result.raw) if result.raw else None)
                out.append("| %s | %d | %s | %s | %s | %s | %s |" % (result.method, result.forks, number(result.median()),
                                                                   number(low), number(high), number(result.score),
                                                                   result.unit))
            out.append("")
            continue
        out.append("| method | parameters | score | error (99.9 %) | unit | facts of the run |")
        out.append("|---|---|---|---|---|---|")
        for result in group:
            error = "n/a" if result.error in (None, "NaN") or (isinstance(result.error, float) and math.isnan(result.error)) \
                else "± " + number(result.error)
            facts = ", ".join("%s %s" % (name, fact_text(result.fact(name))) for name in sorted(result.secondary)
                              if result.secondary[name].get("scoreUnit") == "#")
            out.append("| %s | %s | %s | %s | %s | %s |" % (result.method, format_params(result.params).strip(" ()") or "",
                                                             number(result.score), error, result.unit, facts))
        out.append("")
    return "\n".join(out).rstrip()


# ---- the document -------------------------------------------------------------------------------------------

def replace_section(text, name, body):
    begin = "<!-- BEGIN GENERATED: %s -->" % name
    end = "<!-- END GENERATED: %s -->" % name
    if text.count(begin) != 1 or text.count(end) != 1:
        raise ResultError("%s must hold the markers %s and %s once each" % (DOC.relative_to(ROOT), begin, end))
    start = text.index(begin) + len(begin)
    stop = text.index(end)
    if stop < start:
        raise ResultError("%s: %s comes before %s" % (DOC.relative_to(ROOT), end, begin))
    return text[:start] + "\n" + body + "\n" + text[stop:]


def render(text, results):
    text = replace_section(text, "summary", summary(results))
    return replace_section(text, "details", details(results))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if docs/performance.md is not what the results give")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the directory of JMH JSON files")
    arguments = parser.parse_args()
    try:
        results = load(sorted(arguments.results.glob("*.json")))
        current = DOC.read_text(encoding="utf-8")
        generated = render(current, results)
    except ResultError as problem:
        sys.exit("benchmark-tables: %s" % problem)
    if arguments.check:
        if generated != current:
            sys.exit("benchmark-tables: the tables in docs/performance.md differ from benchmarks/results/*.json;"
                     " regenerate them with: python3 scripts/benchmark-tables.py")
        print("docs/performance.md matches %d benchmark results" % len(results))
        return
    DOC.write_text(generated, encoding="utf-8")
    print("docs/performance.md regenerated from %d benchmark results" % len(results))


if __name__ == "__main__":
    main()
