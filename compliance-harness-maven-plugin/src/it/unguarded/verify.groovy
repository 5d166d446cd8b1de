def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR]   failed: regulatory zone acme.billing is not guarded by any invariant that ran')
assert log.contains('Compliance gate FAIL in unguarded:')
