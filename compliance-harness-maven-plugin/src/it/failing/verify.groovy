def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR]   failed: invariant it.reminders.opt-in was violated in 1 test')
// the number is redacted to its token: kind, the last two digits, and a hash that is the same within a run
assert log =~ /\[ERROR\]   failed: invariant it\.reminders\.known-recipient errored in 1 test: the check threw java\.lang\.AssertionError: expected a real number but was <number \u202611 #[0-9a-f]{4}> \(at ReminderRules\.java:40\)/
assert log.contains('Compliance gate FAIL in failing:')
assert !log.contains('15550001111')
def gate = new File(basedir, 'target/compliance-report/gate.txt').text
assert gate.startsWith('status=FAIL\n')
assert gate.contains('erroredInvariants=1\n')
assert gate.contains('failedTests=2\n')
// Surefire keeps no JUnit report entries; the harness's listener prints them, so the XML report has them
def xml = new File(basedir, 'target/surefire-reports/TEST-acme.billing.OptOutTest.xml').text
assert xml.contains('[compliance-harness] compliance-harness.violation: it.reminders.opt-in: the customer did not opt in [ACME Policy 7.1, REGULATORY]')
def errored = new File(basedir, 'target/surefire-reports/TEST-acme.billing.UnknownRecipientTest.xml').text
assert errored.contains('[compliance-harness] compliance-harness.errored: it.reminders.known-recipient: the check threw java.lang.AssertionError')
assert !errored.contains('15550001111')
