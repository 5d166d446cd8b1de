#!/usr/bin/env python3
"""Tests of annotate-api.py on a throwaway project: python3 -m unittest discover -s scripts -p 'test_*.py'"""

import importlib.util
import io
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

SCRIPT = Path(__file__).resolve().parent / "annotate-api.py"
spec = importlib.util.spec_from_file_location("annotate_api", SCRIPT)
annotate_api = importlib.util.module_from_spec(spec)
spec.loader.exec_module(annotate_api)

POM = """<project>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter-api</artifactId>
    </dependency>
  </dependencies>
</project>
"""


class AnnotateApiTest(unittest.TestCase):

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.root = Path(self.directory.name)
        self.scope = self.root / "architecture-tests" / "src" / "test" / "resources" / "api-scope.txt"
        self.scope.parent.mkdir(parents=True)
        self.scope.write_text("# the checked modules\nharness-property\n", encoding="utf-8")
        for module in annotate_api.LIBRARIES:
            (self.root / module).mkdir()
            (self.root / module / "pom.xml").write_text(POM, encoding="utf-8")
        patches = [mock.patch.object(annotate_api, "ROOT", self.root),
                   mock.patch.object(annotate_api, "SCOPE_FILE", self.scope)]
        for patch in patches:
            patch.start()
            self.addCleanup(patch.stop)
        self.addCleanup(self.directory.cleanup)

    def source(self, module, name, text):
        path = self.root / module / "src" / "main" / "java" / Path(*name.split("."))
        path = path.with_suffix(".java")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def run_script(self, *arguments):
        out, err = io.StringIO(), io.StringIO()
        with mock.patch("sys.argv", ["annotate-api.py", *arguments]), redirect_stdout(out), redirect_stderr(err):
            try:
                annotate_api.main()
                code = 0
            except SystemExit as exit:
                code = exit.code
        return code, out.getvalue(), err.getvalue()

    def test_annotates_a_public_type_with_both_imports_in_place(self):
        path = self.source("harness-sms", "dev.complianceharness.sms.Thing",
                           "package dev.complianceharness.sms;\n\n"
                           "import static java.util.Objects.requireNonNull;\n\n"
                           "import java.util.List;\nimport org.junit.jupiter.api.Test;\n\n"
                           "/** A thing. */\n@Deprecated\npublic final class Thing {\n}\n")
        code, out, _ = self.run_script("harness-sms")
        self.assertEqual(0, code)
        self.assertIn("EXPERIMENTAL dev.complianceharness.sms.Thing", out)
        self.assertEqual("package dev.complianceharness.sms;\n\n"
                         "import static java.util.Objects.requireNonNull;\n"
                         "import static org.apiguardian.api.API.Status.EXPERIMENTAL;\n\n"
                         "import java.util.List;\nimport org.apiguardian.api.API;\nimport org.junit.jupiter.api.Test;\n\n"
                         "/** A thing. */\n@Deprecated\n@API(status = EXPERIMENTAL, since = \"0.1.0\")\n"
                         "public final class Thing {\n}\n", path.read_text(encoding="utf-8"))

    def test_chooses_stable_for_entry_points_and_internal_for_types_only_other_modules_use(self):
        stable = self.source("harness-core", "dev.complianceharness.junit.ComplianceTest",
                             "package dev.complianceharness.junit;\n\n/** Entry. */\npublic @interface ComplianceTest {\n}\n")
        internal = self.source("harness-core", "dev.complianceharness.report.Json",
                               "package dev.complianceharness.report;\n\n/** Shared. */\npublic final class Json {\n}\n")
        self.run_script("harness-core")
        self.assertIn("@API(status = STABLE, since = \"0.1.0\")\npublic @interface ComplianceTest",
                      stable.read_text(encoding="utf-8"))
        self.assertIn("import static org.apiguardian.api.API.Status.STABLE;\n\nimport org.apiguardian.api.API;\n",
                      stable.read_text(encoding="utf-8"))
        self.assertIn("@API(status = INTERNAL, since = \"0.1.0\")\npublic final class Json",
                      internal.read_text(encoding="utf-8"))

    def test_leaves_internal_packages_package_private_and_annotated_types_alone_and_runs_twice_safely(self):
        texts = {
            "dev.complianceharness.sms.internal.Tables":
                "package dev.complianceharness.sms.internal;\n\npublic final class Tables {\n}\n",
            "dev.complianceharness.sms.Hidden": "package dev.complianceharness.sms;\n\nfinal class Hidden {\n}\n",
            "dev.complianceharness.sms.Done":
                "package dev.complianceharness.sms;\n\nimport org.apiguardian.api.API;\n\n"
                "@API(status = API.Status.MAINTAINED, since = \"0.1.0\")\n@FunctionalInterface\npublic interface Done {\n}\n",
        }
        paths = {name: self.source("harness-sms", name, text) for name, text in texts.items()}
        self.run_script("harness-sms")
        for name, text in texts.items():
            self.assertEqual(text, paths[name].read_text(encoding="utf-8"), name)
        fresh = self.source("harness-sms", "dev.complianceharness.sms.Fresh",
                            "package dev.complianceharness.sms;\n\npublic record Fresh(int value) {\n}\n")
        self.run_script("harness-sms")
        once = fresh.read_text(encoding="utf-8")
        self.run_script("harness-sms")
        self.assertEqual(once, fresh.read_text(encoding="utf-8"))
        self.assertEqual(1, once.count("@API("))

    def test_adds_the_module_to_the_scope_and_the_dependency_to_its_pom(self):
        self.source("harness-payments", "dev.complianceharness.payments.Money",
                    "package dev.complianceharness.payments;\n\npublic final class Money {\n}\n")
        self.run_script("harness-payments")
        self.assertEqual("# the checked modules\nharness-property\nharness-payments\n",
                         self.scope.read_text(encoding="utf-8"))
        pom = (self.root / "harness-payments" / "pom.xml").read_text(encoding="utf-8")
        self.assertEqual(1, pom.count("<artifactId>apiguardian-api</artifactId>"))
        self.run_script("harness-payments")
        self.assertEqual(1, (self.root / "harness-payments" / "pom.xml").read_text(encoding="utf-8")
                         .count("<artifactId>apiguardian-api</artifactId>"))

    def test_check_lists_unannotated_types_changes_nothing_and_fails(self):
        path = self.source("harness-audit", "dev.complianceharness.audit.Report",
                           "package dev.complianceharness.audit;\n\npublic class Report {\n}\n")
        code, _, err = self.run_script("--check", "harness-audit")
        self.assertEqual(1, code)
        self.assertIn("harness-audit: dev.complianceharness.audit.Report", err)
        self.assertEqual("package dev.complianceharness.audit;\n\npublic class Report {\n}\n",
                         path.read_text(encoding="utf-8"))

    def test_reports_listed_names_that_no_longer_exist(self):
        _, _, err = self.run_script("--check")
        self.assertIn("warning: dev.complianceharness.property.Gens is listed in annotate-api.py but is no public type",
                      err)

    def test_refuses_a_module_that_is_not_a_library(self):
        code, _, _ = self.run_script("examples")
        self.assertIn("not a library module: examples", str(code))


if __name__ == "__main__":
    unittest.main()
