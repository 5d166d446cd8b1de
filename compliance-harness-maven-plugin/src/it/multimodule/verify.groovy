def log = new File(basedir, 'build.log').text
// billing passes on its own; notices fails; the build's report merges both modules
assert log.contains('[INFO] Compliance gate PASS: 1 test from 1 launch merged')
assert log.contains('[ERROR]   failed: invariant it.reminders.opt-in was violated in 1 test')
assert log.contains('Compliance gate FAIL in notices:')
def gate = new File(basedir, 'target/compliance-report/gate.txt').text
assert gate.startsWith('status=FAIL\n')
assert gate.contains('tests=2\n') && gate.contains('launches=2\n')
def json = new File(basedir, 'target/compliance-report/report.json').text
assert json.contains('"testClass": "acme.billing.RemindersTest"') && json.contains('"testClass": "acme.billing.NoticesTest"')
