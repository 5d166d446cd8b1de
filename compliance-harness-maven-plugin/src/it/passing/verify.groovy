def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Compliance gate PASS: 1 test from 1 launch merged')
def gate = new File(basedir, 'target/compliance-report/gate.txt').text
assert gate.startsWith('status=PASS\nzones=1\ninvariants=2\n')
def json = new File(basedir, 'target/compliance-report/report.json').text
assert json.contains('"status": "GUARDED"')
assert json.contains('"testClass": "acme.billing.RemindersTest"')
