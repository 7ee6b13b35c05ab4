// Grades every model answer of the bank against its own rubric:
// `npx tsx scripts/grade-bank.ts [--topic T] [--all]`. Lists the questions that fall short of the
// content gate (every rubric point covered, no finding, score >= 85); --all lists every score.
import { createCoach } from '../src/coach.js';
import { isLoopCoachError } from '../src/errors.js';

const args = process.argv.slice(2);
const topic = args.includes('--topic') ? args[args.indexOf('--topic') + 1] : undefined;
const showAll = args.includes('--all');

try {
  const coach = await createCoach();
  let failing = 0;
  for (const q of coach.questions.filter((x) => !topic || x.topic === topic)) {
    const f = coach.grade(q, q.modelAnswer);
    const missed = f.rubric.filter((r) => !r.covered);
    const ok = missed.length === 0 && f.findings.length === 0 && f.score >= 85;
    if (!ok) failing += 1;
    if (ok && !showAll) continue;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${String(f.score).padStart(3)} ${q.topic}/${q.id}`);
    for (const r of missed) console.log(`       missed (strength ${r.strength}): ${r.point}`);
    for (const x of f.findings) console.log(`       finding ${x.code}: ${x.evidence ?? ''}`);
  }
  console.log(`${failing} question(s) fall short of the gate`);
} catch (error) {
  console.error(isLoopCoachError(error) ? error.message : error);
  process.exitCode = 1;
}
