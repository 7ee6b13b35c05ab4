// A damaged PDF gets one clear line from the built binary, and no library warning with it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hasBuild = existsSync(join(root, 'dist', 'src', 'cli', 'main.js'));
if (!hasBuild) console.warn('test/tailor/quiet-pdf-cli.test.ts skipped: run `npm run build` first');

describe.skipIf(!hasBuild)('loopcoach plan with a damaged PDF', () => {
  it('prints one line on stderr, nothing on stdout, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopcoach-quiet-pdf-'));
    const pdf = join(dir, 'broken.pdf');
    writeFileSync(pdf, '%PDF-1.7\nnot a pdf\n%%EOF');
    const run = spawnSync('node', [join(root, 'bin', 'loopcoach.js'), 'plan', '--jd', pdf], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/Warning/);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^loopcoach: job description broken\.pdf could not be read as PDF \(the file looks damaged\)/),
    ]);
  });
});
