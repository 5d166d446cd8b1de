def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR]   failed: invariant it.reminders.opt-in was violated in 1 test')
assert log.contains('[ERROR]   failed: invariant it.reminders.known-recipient errored in 1 test: the check threw java.lang.AssertionError: expected a real number but was +*********11 (at ReminderRules.java:40)')
assert log.contains('Compliance gate FAIL in failing:')
assert !log.contains('15550001111')
def gate = new File(basedir, 'target/compliance-report/gate.txt').text
assert gate.startsWith('status=FAIL\n')
assert gate.contains('erroredInvariants=1\n')
assert gate.contains('failedTests=2\n')
