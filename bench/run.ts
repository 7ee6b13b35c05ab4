// `npm run bench`: prints the engine's speed figures against their targets. Figures, not tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createCoach, type Question } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time(fn: () => void, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

function row(name: string, value: string, target: string): void {
  console.log(`${name.padEnd(58)} ${value.padStart(12)}   target ${target}`);
}

const question: Question = {
  prompt: 'How would you design a highly available web application on AWS?',
  kind: 'design',
  level: 'mid',
  rubric: [
    'Spread the application across at least two Availability Zones behind an Application Load Balancer.',
    'Use an Auto Scaling group with health checks to replace unhealthy instances.',
    'Run the database Multi-AZ with automatic failover.',
    'Keep session state out of the instances, in ElastiCache or DynamoDB.',
    'Serve static assets from S3 through CloudFront.',
  ],
};

const sentences = [
  'In a retail site I worked on, traffic tripled during sales and a single instance kept failing.',
  'I put an Application Load Balancer in front of an Auto Scaling group spread over three Availability Zones, with health checks replacing bad instances.',
  'The database ran on RDS Multi-AZ, so a standby took over automatically when the primary failed.',
  'We moved session state into ElastiCache, because sticky sessions broke every scale-in event.',
  'Static images went to S3 behind CloudFront, which cut the load on the web tier by about half.',
  'The downside is cost: the standby and the extra zone roughly doubled the database bill, and cross-zone traffic is not free.',
  'As a result we survived a zone outage last spring with no downtime, and checkout latency stayed under 200 ms at peak.',
];
let answer = '';
while (answer.split(/\s+/).length < 300) answer += `${sentences.join(' ')} `;
answer = answer.split(/\s+/).slice(0, 300).join(' ');

const coachStart = performance.now();
const coach = await createCoach({ questionDir: null });
const inProcessLoad = performance.now() - coachStart;

// Every run grades text the engine has never seen: each sentence carries the run's number, so
// nothing comes from the sentence cache (the live-typing case is measured separately below).
// "Warm" means after the JIT has compiled the grading path on the same kind of unseen text.
const fresh = (i: number) => answer.replace(/\. /g, ` (${i}). `);
let run = 0;
for (let i = 0; i < 300; i++) coach.grade(question, fresh(run++));
const cold = time(() => coach.grade(question, fresh(run++)), 200);
const nlp = winkNLP(model);
const bare = time(() => nlp.readDoc(fresh(run++)).tokens().out(), 200);

// Live feedback: the answer so far was graded a moment ago; the user adds one sentence.
const appended: number[] = [];
for (let i = 0; i < 200; i++) {
  const sofar = `${answer} Then I added alarm ${i} on the queue depth.`;
  coach.grade(question, sofar);
  const t = performance.now();
  coach.grade(question, `${sofar} Latency of request ${i} stayed under ${i + 100} ms at peak.`);
  appended.push(performance.now() - t);
}

console.log('Loop Coach benchmarks (2 cores; p95 over repeated runs)\n');
row('grade: 300-word answer, 5-point rubric (p95, unseen text)', `${percentile(cold, 95).toFixed(2)} ms`, '<= 5 ms');
row('bare wink-nlp tokenisation of the same text (p95)', `${percentile(bare, 95).toFixed(2)} ms`, '');
row('ratio grade / tokenisation', `${(percentile(cold, 95) / percentile(bare, 95)).toFixed(2)}x`, '<= 3x');
row('re-grade after one more sentence (p95)', `${percentile(appended, 95).toFixed(2)} ms`, '<= 2 ms');
row('createCoach() in this process (no bank)', `${inProcessLoad.toFixed(0)} ms`, '<= 300 ms');

const dist = join(root, 'dist', 'src', 'index.js');
if (existsSync(dist)) {
  const loads = [1, 2, 3].map(() => {
    const r = spawnSync(
      'node',
      [
        '--input-type=module',
        '-e',
        `const t=performance.now(); const m=await import(${JSON.stringify(dist)}); await m.createCoach(); console.log(performance.now()-t)`,
      ],
      { encoding: 'utf8' },
    );
    return Number(r.stdout.trim());
  });
  row('createCoach() with the bank, fresh process (median of 3)', `${percentile(loads, 50).toFixed(0)} ms`, '<= 300 ms');
  const dir = mkdtempSync(join(tmpdir(), 'loopcoach-bench-'));
  writeFileSync(join(dir, 'q.json'), JSON.stringify(question));
  writeFileSync(join(dir, 'a.txt'), answer);
  const runs = [1, 2, 3, 4, 5].map(() => {
    const t = performance.now();
    spawnSync('node', [join(root, 'bin', 'loopcoach.js'), 'grade', '--question', join(dir, 'q.json'), '--answer', join(dir, 'a.txt'), '--json']);
    return performance.now() - t;
  });
  row('`loopcoach grade` end to end (median of 5)', `${percentile(runs, 50).toFixed(0)} ms`, '<= 600 ms');
} else {
  console.log('(run `npm run build` for the fresh-process and CLI figures)');
}

// Live feedback in the browser: the pause the web app waits for, then one POST /api/grade
// through the real app (routing, validation, grading, JSON) for the answer typed so far.
{
  const { createApp } = await import('../src/server/app.js');
  const { LIVE_PAUSE_MS } = await import('../web/src/live.js');
  const app = createApp({ coach });
  const bank: Question = { ...question, id: 'bench' };
  const posts: number[] = [];
  for (let i = 0; i < 220; i++) {
    const body = JSON.stringify({ question: bank, answer: `${answer} Then I added alarm ${i} on the queue depth.` });
    const t = performance.now();
    await (await app.request('/api/grade', { method: 'POST', body, headers: { 'content-type': 'application/json' } })).json();
    if (i >= 20) posts.push(performance.now() - t);
  }
  const p95 = percentile(posts, 95);
  row('live feedback after a pause: wait + POST /api/grade (p95)', `${(LIVE_PAUSE_MS + p95).toFixed(1)} ms`, '<= 100 ms');
}

const webAssets = join(root, 'web', 'dist', 'assets');
if (existsSync(webAssets)) {
  const index = readFileSync(join(root, 'web', 'dist', 'index.html'), 'utf8');
  const initial = readdirSync(webAssets).filter((f) => f.endsWith('.js') && index.includes(f));
  const bytes = initial.reduce((n, f) => n + gzipSync(readFileSync(join(webAssets, f))).length, 0);
  row('web app initial JavaScript, gzipped', `${(bytes / 1024).toFixed(1)} KB`, '<= 250 KB');
}

{
  const { benchSpeech } = await import('./speech.js');
  await benchSpeech(row);
  const { benchBrowserSpeech } = await import('./speech-browser.js');
  await benchBrowserSpeech(row);
}

{
  const { benchCamera } = await import('./camera.js');
  await benchCamera(row);
}

{
  const { benchTeam } = await import('./team.js');
  await benchTeam(row);
}
