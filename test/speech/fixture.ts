import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A spoken answer built deterministically with espeak-ng and `sox -R` (repeatable dither and
 * noise): 0.5 s lead-in, part one, a 3.0 s pause, part two, 0.5 s tail, pink noise at about 30 dB
 * SNR. The script is our own words, with six fillers (um ×2, uh, like, you know ×2).
 */
export const FIXTURE_PARTS = [
  'Um, in my last job I led a small team that moved our order service to the cloud. Uh, the old servers were, like, always busy at night, you know, so customers had to wait.',
  'We put a queue in front of the workers, um, and we added alarms for the slow requests. You know, the cost dropped by forty percent and the errors went away.',
];
export const FIXTURE_FILLERS = 6;
export const FIXTURE_PAUSE_SEC = 3.0;

/** Why the fixture cannot be built here, or undefined when espeak-ng and sox are present. */
export function fixtureToolsMissing(): string | undefined {
  for (const tool of ['espeak-ng', 'sox']) {
    if (spawnSync(tool, ['--version']).error) return `${tool} is not installed (apt-get install espeak-ng sox)`;
  }
  return undefined;
}

export interface SpokenFixture {
  wavPath: string;
  reference: string;
  /** Seconds of speech in each part (their edges trimmed), for words-per-minute truth. */
  speechSec: number;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
}

function seconds(path: string): number {
  return Number(spawnSync('soxi', ['-D', path], { encoding: 'utf8' }).stdout.trim());
}

/** Builds the fixture into `dir` (options: a gain change on part two, in dB). */
export function buildSpokenFixture(dir: string, options: { partTwoGainDb?: number; name?: string; tailSec?: number } = {}): SpokenFixture {
  mkdirSync(dir, { recursive: true });
  const name = options.name ?? 'answer';
  const parts = FIXTURE_PARTS.map((text, i) => {
    const raw = join(dir, `${name}-raw${i}.wav`);
    const trimmed = join(dir, `${name}-part${i}.wav`);
    run('espeak-ng', ['-v', 'en-us', '-s', '165', '-w', raw, text]);
    const gain = i === 1 && options.partTwoGainDb ? ['gain', String(options.partTwoGainDb)] : [];
    run('sox', [
      '-R',
      raw,
      '-r',
      '16000',
      '-c',
      '1',
      '-b',
      '16',
      trimmed,
      'silence',
      '1',
      '0.02',
      '0.5%',
      'reverse',
      'silence',
      '1',
      '0.02',
      '0.5%',
      'reverse',
      ...gain,
    ]);
    return trimmed;
  });
  const lead = join(dir, `${name}-lead.wav`);
  const pause = join(dir, `${name}-pause.wav`);
  run('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', lead, 'trim', '0', '0.5']);
  run('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', pause, 'trim', '0', String(FIXTURE_PAUSE_SEC)]);
  const tail = join(dir, `${name}-tail.wav`);
  run('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', tail, 'trim', '0', String(options.tailSec ?? 0.5)]);
  const clean = join(dir, `${name}-clean.wav`);
  run('sox', ['-R', lead, parts[0]!, pause, parts[1]!, tail, clean]);
  const noise = join(dir, `${name}-noise.wav`);
  run('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', noise, 'synth', String(seconds(clean)), 'pinknoise', 'vol', '0.01']);
  const wavPath = join(dir, `${name}.wav`);
  run('sox', ['-R', '-m', '-v', '1', clean, '-v', '1', noise, '-b', '16', wavPath]);
  return { wavPath, reference: FIXTURE_PARTS.join(' '), speechSec: parts.reduce((s, p) => s + seconds(p), 0) };
}

/** Word error rate: word-level edit distance over the reference length, ignoring case and punctuation. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9' ]+/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
  const ref = words(reference);
  const hyp = words(hypothesis);
  let previous = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const current = [i];
    for (let j = 1; j <= hyp.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[hyp.length]! / ref.length;
}
