#!/usr/bin/env python3
"""Tests of benchmark-tables.py on made-up JMH results: python3 -m unittest discover -s scripts -p 'test_*.py'"""

import importlib.util
import json
import tempfile
import unittest
from pathlib import Path
from unittest import mock

SCRIPT = Path(__file__).resolve().parent / "benchmark-tables.py"
spec = importlib.util.spec_from_file_location("benchmark_tables", SCRIPT)
tables = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tables)

DOC = """# Performance

<!-- BEGIN GENERATED: summary -->
old
<!-- END GENERATED: summary -->

text written by hand

<!-- BEGIN GENERATED: details -->
old
<!-- END GENERATED: details -->
"""


def entry(name, score, unit="ns/op", mode="avgt", params=None, facts=None):
    return {
        "jmhVersion": "1.37", "benchmark": "dev.complianceharness.benchmarks." + name, "mode": mode, "threads": 1,
        "forks": 1, "jdkVersion": "17.0.15", "vmName": "OpenJDK 64-Bit Server VM", "warmupIterations": 2,
        "warmupTime": "1 s", "measurementIterations": 3, "measurementTime": "1 s", "params": params or {},
        "primaryMetric": {"score": score, "scoreError": 0.5, "scoreUnit": unit},
        "secondaryMetrics": {key: {"score": sum(values), "scoreUnit": "#", "rawData": [values]}
                             for key, values in (facts or {}).items()},
    }


class BenchmarkTablesTest(unittest.TestCase):

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.addCleanup(self.directory.cleanup)
        self.root = Path(self.directory.name)
        self.results = self.root / "benchmarks" / "results"
        self.results.mkdir(parents=True)
        (self.root / "docs").mkdir()
        self.doc = self.root / "docs" / "performance.md"
        self.doc.write_text(DOC, encoding="utf-8")
        for name, value in (("ROOT", self.root), ("RESULTS", self.results), ("DOC", self.doc)):
            patch = mock.patch.object(tables, name, value)
            patch.start()
            self.addCleanup(patch.stop)

    def write(self, name, entries):
        (self.results / name).write_text(json.dumps(entries), encoding="utf-8")

    def generate(self):
        results = tables.load(sorted(self.results.glob("*.json")))
        return tables.render(self.doc.read_text(encoding="utf-8"), results)

    def test_a_ratio_compares_two_figures_of_the_same_run(self):
        self.write("run.json", [entry("property.PropertyEngineOverheadBenchmark.engineIntegers", 15.0),
                                entry("property.PropertyEngineOverheadBenchmark.handWrittenIntegers", 3.0)])
        text = self.generate()
        self.assertIn("| property engine per try, one int (`PropertyEngineOverheadBenchmark`) | 15 ns | 3 ns"
                      " hand-written `SplittableRandom` loop | 5× the baseline's time |", text)
        self.assertIn("text written by hand", text)

    def test_figures_of_different_runs_are_not_compared(self):
        self.write("a.json", [entry("property.PropertyEngineOverheadBenchmark.engineLists", 100.0)])
        self.write("b.json", [entry("property.PropertyEngineOverheadBenchmark.handWrittenLists", 20.0)])
        self.assertIn("not comparable: a.json and b.json are different runs", self.generate())

    def test_a_benchmark_without_results_is_listed_as_not_measured(self):
        self.write("run.json", [])
        self.assertIn("| SMS quiet-hours decisions per second, warm, one thread (`DecisionBenchmark`) | not measured:"
                      " `scripts/run-benchmarks.sh DecisionBenchmark` |", self.generate())

    def test_a_benchmark_in_two_files_is_an_error(self):
        result = entry("sms.DecisionBenchmark.decide", 1e7, unit="ops/s", mode="thrpt")
        self.write("old.json", [result])
        self.write("new.json", [result])
        with self.assertRaisesRegex(tables.ResultError, "sms.DecisionBenchmark.decide is in both new.json and old.json"):
            self.generate()

    def test_facts_are_read_per_iteration_and_a_disagreement_shows_as_a_range(self):
        self.write("run.json", [
            entry("pii.PiiScanBenchmark.harnessScanner", 7.0, unit="ms/op", params={"corpus": "synthetic"},
                  facts={"megabytes": [0.7, 0.7, 0.7], "recall": [100, 100, 100], "falsePositives": [0, 0, 0]}),
            entry("pii.PiiScanBenchmark.baselineScanner", 70.0, unit="ms/op", params={"corpus": "synthetic"},
                  facts={"megabytes": [0.7, 0.7, 0.7], "recall": [99, 100, 100], "falsePositives": [75, 75, 75]})])
        text = self.generate()
        self.assertIn("| 100 MB/s, recall 100 %, 0 false positives | 10 MB/s, recall 99–100 %, 75 false positives"
                      " (one alternation, one pass) | 10× faster |", text)

    def test_a_slower_harness_is_called_slower(self):
        facts = {"megabytes": [1.0, 1.0, 1.0], "recall": [100, 100, 100], "falsePositives": [0, 0, 0]}
        self.write("run.json", [
            entry("pii.PiiScanBenchmark.harnessScanner", 20.0, unit="ms/op", params={"corpus": "datafaker"}, facts=facts),
            entry("pii.PiiScanBenchmark.baselineScanner", 10.0, unit="ms/op", params={"corpus": "datafaker"}, facts=facts)])
        self.assertIn("(one alternation, one pass) | 2× slower |", self.generate())

    def test_shrink_time_is_find_and_shrink_less_find_only_of_the_same_run(self):
        self.write("run.json", [
            entry("property.ShrinkingChallengeBenchmark.findAndShrink", 900.0, unit="us/op", params={"challenge": "reverse"},
                  facts={"minimal": [1, 1, 1]}),
            entry("property.ShrinkingChallengeBenchmark.findOnly", 600.0, unit="us/op", params={"challenge": "reverse"}),
            entry("property.ShrinkingChallengeBenchmark.naiveShrink", 100.0, unit="us/op", params={"challenge": "reverse"},
                  facts={"minimal": [0, 0, 0]})])
        self.assertIn("| 1 of 1, 300 µs | 0 of 1, 100 µs (QuickCheck-style value shrinker) | 1 more minimal |",
                      self.generate())

    def test_details_list_every_result_with_its_run_settings(self):
        self.write("run.json", [entry("sms.DecisionBenchmark.decide", 15_400_000.0, unit="ops/s", mode="thrpt")])
        text = self.generate()
        self.assertIn("`benchmarks/results/run.json`: JMH 1.37, OpenJDK 64-Bit Server VM 17.0.15; 1 fork(s), 2 × 1 s"
                      " warm-up, 3 × 1 s measured, 1 thread(s).", text)
        self.assertIn("| decide |  | 15,400,000 | ± 0.5 | ops/s |  |", text)

    def cold(self, method, forks_ms, load="5.2,6.1,12.7"):
        result = entry("coldstart.ColdStartBenchmark." + method, sum(forks_ms) / len(forks_ms), unit="ms/op", mode="ss")
        result["forks"] = len(forks_ms)
        result["jvmArgs"] = ["-Dbenchmark.loadAverage=" + load, "-Dbenchmark.cores=2"]
        result["primaryMetric"]["rawData"] = [[value] for value in forks_ms]
        result["primaryMetric"]["scorePercentiles"] = {"0.0": min(forks_ms), "50.0": sorted(forks_ms)[len(forks_ms) // 2],
                                                       "100.0": max(forks_ms)}
        return result

    def test_a_cold_start_row_compares_the_medians_of_the_same_run_and_says_what_the_harness_adds(self):
        self.write("coldstart.json", [self.cold("firstSmsDecision", [150.0, 140.0, 900.0]),
                                      self.cold("naiveSmsCheck", [80.0, 70.0, 75.0])])
        text = self.generate()
        self.assertIn("(`ColdStartBenchmark.firstSmsDecision`) | 150 ms median of 3 forks, load 5.2 | 75 ms libphonenumber"
                      " parse + `java.time` | adds 75 ms |", text)
        self.assertIn("load average 5.2, 6.1, 12.7 (1, 5, 15 min) on 2 cores when the run started", text)
        self.assertIn("| firstSmsDecision | 3 | 150 | 140 | 900 | 397 | ms/op |", text)

    def test_cold_start_rows_of_different_runs_are_not_compared_and_missing_ones_are_shown(self):
        self.write("a.json", [self.cold("firstNoPiiInLogsTest", [500.0])])
        self.write("b.json", [self.cold("naiveNoPiiInLogsTest", [300.0])])
        text = self.generate()
        self.assertIn("| 500 ms | 300 ms | not comparable: a.json and b.json are different runs |", text)
        self.assertIn("(`ColdStartBenchmark.firstPaymentSequence`) | not measured: `scripts/cold-start-benchmark.sh` |", text)

    def test_a_cold_start_measured_warm_is_refused(self):
        self.write("run.json", [entry("coldstart.ColdStartBenchmark.firstSmsDecision", 1.0, unit="ms/op"),
                                entry("coldstart.ColdStartBenchmark.naiveSmsCheck", 1.0, unit="ms/op")])
        with self.assertRaisesRegex(tables.ResultError, "SingleShotTime"):
            self.generate()

    def test_missing_markers_are_an_error(self):
        self.doc.write_text("# Performance\n", encoding="utf-8")
        with self.assertRaisesRegex(tables.ResultError, "must hold the markers"):
            self.generate()


if __name__ == "__main__":
    unittest.main()
