def log = new File(basedir, 'build.log').text
// the oldest JUnit the README states runs the whole harness: report, gate and plugin
assert log.contains('[INFO] Compliance gate PASS: 1 test from 1 launch merged')
assert new File(basedir, 'target/compliance-report/gate.txt').text.startsWith('status=PASS\n')
