// Runs every *.test.mjs beside this file with Node's own test runner: `node src/test/js/run.mjs` (mvn test
// does). A script rather than `node --test <dir>`, which Node versions read differently (directory or glob).

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const here = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(here).filter(name => name.endsWith('.test.mjs')).map(name => join(here, name));
if (files.length === 0) throw new Error(`no *.test.mjs in ${here}`);

run({ files })
  .on('test:fail', () => { process.exitCode = 1; })
  .compose(spec)
  .pipe(process.stdout);
