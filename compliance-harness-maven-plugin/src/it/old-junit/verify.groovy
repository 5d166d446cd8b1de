def log = new File(basedir, 'build.log').text
// a team on JUnit 5.11 gets one message naming what it has and what it needs, before any test runs
assert log.contains('Compliance Harness needs JUnit Jupiter 5.13 or newer (JUnit Platform 1.13 or newer, or JUnit 6), but the test class path has junit-jupiter-api 5.11.4, junit-jupiter-engine 5.11.4, junit-platform-engine 1.11.4, junit-platform-launcher 1.11.4. Import org.junit:junit-bom 5.13.0 or newer in dependencyManagement so that every JUnit artifact has one version.')
