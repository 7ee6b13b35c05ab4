// `npm test`: builds the package (the CLI tests run the built `loopcoach`), runs every vitest
// suite, and ends with the line CI reads: "N passed, N failed" (plus skipped, with reasons above).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  console.error('build failed: see the TypeScript errors above');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'loopcoach-test-'));
const report = join(dir, 'vitest.json');
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests + (result.numFailedTestSuites ?? 0);
  skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
} catch {
  failed = Math.max(1, failed);
}
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
