def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Compliance gate PASS: 5 tests from 5 launches merged')
def json = new File(basedir, 'target/compliance-report/report.json').text
['First', 'Second', 'Third', 'Fourth', 'Fifth'].each { assert json.contains('"testClass": "acme.billing.' + it + 'RemindersTest"') }
def gate = new File(basedir, 'target/compliance-report/gate.txt').text
assert gate.contains('tests=5\n') && gate.contains('launches=5\n') && gate.startsWith('status=PASS')
assert new File(basedir, 'target/compliance-report/partials').listFiles().findAll { it.name.endsWith('.json') }.size() == 5
