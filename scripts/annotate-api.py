#!/usr/bin/env python3
"""Marks every public top-level type of a public package with apiguardian's @API, as JUnit does.

    python3 scripts/annotate-api.py                 # every library module
    python3 scripts/annotate-api.py harness-sms     # one module
    python3 scripts/annotate-api.py --check         # list unannotated types, change nothing (exit 1 if any)

For each module it adds, to every public top-level type outside an `internal` package that has no @API yet,
`@API(status = <STATUS>, since = "0.1.0")` right before the declaration, with the two imports
(`org.apiguardian.api.API` and the static import of the status). Types that already carry @API are left
as they are, so running it twice changes nothing. It then adds the module to
architecture-tests/src/test/resources/api-scope.txt, whose modules the ArchUnit rule
ProjectArchitectureTest.publicTypesDeclareTheirStability checks, and adds the apiguardian-api dependency
to the module's pom if it is missing.

The status is chosen by a simple rule, which a reviewer can change by hand afterwards:
  STABLE        the entry points listed in STABLE below: what the README and the docs teach teams to use;
  INTERNAL      the types listed in INTERNAL below: public only because another module of ours uses them;
  EXPERIMENTAL  every other public type.
A name in either list that no longer exists is reported (the lists must follow renames), never skipped
silently.
"""

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = ["harness-property", "harness-core", "harness-audit", "harness-sms", "harness-payments", "harness-spring",
             "compliance-harness-maven-plugin"]
SCOPE_FILE = ROOT / "architecture-tests" / "src" / "test" / "resources" / "api-scope.txt"
SINCE = "0.1.0"

STABLE = {
    # the property engine's entry points
    "dev.complianceharness.property.Property",
    "dev.complianceharness.property.PropertyCheck",
    "dev.complianceharness.property.PropertyFailure",
    "dev.complianceharness.property.PropertyTest",
    "dev.complianceharness.property.Gen",
    "dev.complianceharness.property.Gens",
    # compliance tests and the invariant model
    "dev.complianceharness.junit.ComplianceTest",
    "dev.complianceharness.invariant.Invariant",
    "dev.complianceharness.invariant.InvariantModule",
    "dev.complianceharness.invariant.Regulation",
    "dev.complianceharness.invariant.Owner",
    "dev.complianceharness.invariant.LiabilityTier",
    "dev.complianceharness.event.RecordedEvent",
    "dev.complianceharness.event.TestClock",
    "dev.complianceharness.liability.LiabilityZone",
    "dev.complianceharness.pii.NoPiiInLogs",
    "dev.complianceharness.mask.Pii",
    "dev.complianceharness.mask.PiiKind",
    "dev.complianceharness.testkit.InvariantAssertions",
    # the domain modules a team switches on
    "dev.complianceharness.sms.invariants.SmsContactRulesModule",
    "dev.complianceharness.sms.decision.QuietHours",
    "dev.complianceharness.sms.outbox.SmsOutbox",
    "dev.complianceharness.payments.PaymentsModule",
    "dev.complianceharness.payments.testing.PaymentHarness",
    "dev.complianceharness.payments.testing.PaymentServiceAdapter",
    "dev.complianceharness.audit.CodebaseAudit",
    "dev.complianceharness.governance.GovernanceRules",
}

INTERNAL = {
    # public in harness-core only because harness-audit uses them
    "dev.complianceharness.liability.ClassImports",
    "dev.complianceharness.liability.ZoneResolver",
    "dev.complianceharness.liability.ZoneDeclaration",
    "dev.complianceharness.report.Json",
    "dev.complianceharness.report.Html",
    "dev.complianceharness.report.HtmlPage",
    "dev.complianceharness.report.HtmlFragment",
}

DECLARATION = re.compile(
    r"^public\s+(?:(?:abstract|final|sealed|non-sealed|static|strictfp)\s+)*(?:class|interface|enum|record|@interface)\s+(\w+)")
PACKAGE = re.compile(r"^package\s+([\w.]+)\s*;")
API_ANNOTATION = re.compile(r"^@(?:org\.apiguardian\.api\.)?API\b")
IMPORT = re.compile(r"^import\s+(static\s+)?([\w.*]+)\s*;")


def status_of(qualified_name):
    if qualified_name in STABLE:
        return "STABLE"
    if qualified_name in INTERNAL:
        return "INTERNAL"
    return "EXPERIMENTAL"


def public_types(module):
    """Yields (path, lines, package, declaration index) for each public top-level type of a public package."""
    sources = ROOT / module / "src" / "main" / "java"
    for path in sorted(sources.rglob("*.java")):
        if path.name in ("package-info.java", "module-info.java"):
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        package = next((m.group(1) for m in map(PACKAGE.match, lines) if m), "")
        if "internal" in package.split("."):
            continue
        index = next((i for i, line in enumerate(lines) if DECLARATION.match(line)), None)
        if index is not None:
            yield path, lines, package, index


def annotated(lines, index):
    """Whether the annotations right above the declaration (at column 0) include @API."""
    i = index - 1
    while i >= 0 and (lines[i].startswith("@") or lines[i].startswith(" ") and not lines[i].lstrip().startswith("*")
                      or lines[i].startswith(")")):
        if API_ANNOTATION.match(lines[i]):
            return True
        i -= 1
    return False


def add_import(lines, statement, static):
    """Inserts an import among the static or the other imports, in sorted place, unless present."""
    if statement in lines:
        return lines
    positions = [i for i, line in enumerate(lines) if (m := IMPORT.match(line)) and bool(m.group(1)) == static]
    if positions:
        for i in positions:
            if lines[i] > statement:
                return lines[:i] + [statement] + lines[i:]
        return lines[:positions[-1] + 1] + [statement] + lines[positions[-1] + 1:]
    package = next(i for i, line in enumerate(lines) if PACKAGE.match(line))
    others = [i for i, line in enumerate(lines) if IMPORT.match(line)]
    if static and others:
        # a static block goes before the other imports, separated by a blank line
        return lines[:others[0]] + [statement, ""] + lines[others[0]:]
    return lines[:package + 1] + ["", statement] + lines[package + 1:]


def annotate(path, lines, package, index):
    name = DECLARATION.match(lines[index]).group(1)
    status = status_of(package + "." + name)
    lines = lines[:index] + ['@API(status = %s, since = "%s")' % (status, SINCE)] + lines[index:]
    lines = add_import(lines, "import org.apiguardian.api.API;", static=False)
    lines = add_import(lines, "import static org.apiguardian.api.API.Status.%s;" % status, static=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return package + "." + name, status


def ensure_dependency(module):
    pom = ROOT / module / "pom.xml"
    text = pom.read_text(encoding="utf-8")
    if "<artifactId>apiguardian-api</artifactId>" in text:
        return False
    dependency = ("    <dependency>\n      <groupId>org.apiguardian</groupId>\n"
                  "      <artifactId>apiguardian-api</artifactId>\n    </dependency>\n")
    text = text.replace("  <dependencies>\n", "  <dependencies>\n" + dependency, 1)
    pom.write_text(text, encoding="utf-8")
    return True


def update_scope(modules):
    lines = SCOPE_FILE.read_text(encoding="utf-8").split("\n")
    listed = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    comments = [line for line in lines if line.startswith("#")]
    scope = [module for module in LIBRARIES if module in listed or module in modules]
    SCOPE_FILE.write_text("\n".join(comments + scope) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", default=LIBRARIES, help="library modules (default: all)")
    parser.add_argument("--check", action="store_true", help="list unannotated public types and change nothing")
    arguments = parser.parse_args()
    unknown = [module for module in arguments.modules if module not in LIBRARIES]
    if unknown:
        sys.exit("not a library module: %s (choose from %s)" % (", ".join(unknown), ", ".join(LIBRARIES)))

    seen = set()
    missing = []
    for module in arguments.modules:
        for path, lines, package, index in public_types(module):
            seen.add(package + "." + DECLARATION.match(lines[index]).group(1))
            if annotated(lines, index):
                continue
            if arguments.check:
                missing.append("%s: %s.%s" % (module, package, DECLARATION.match(lines[index]).group(1)))
            else:
                name, status = annotate(path, lines, package, index)
                print("%-12s %s" % (status, name))
        if not arguments.check and ensure_dependency(module):
            print("added org.apiguardian:apiguardian-api to %s/pom.xml" % module)
    if not arguments.check:
        update_scope(arguments.modules)
        print("api-scope.txt now lists: %s" % ", ".join(
            line for line in SCOPE_FILE.read_text(encoding="utf-8").split("\n") if line and not line.startswith("#")))
    if set(arguments.modules) == set(LIBRARIES):
        stale = sorted((STABLE | INTERNAL) - seen)
        for name in stale:
            print("warning: %s is listed in annotate-api.py but is no public type of a library module any more:"
                  " update the list" % name, file=sys.stderr)
    if missing:
        print("public types without @API:\n  " + "\n  ".join(missing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
