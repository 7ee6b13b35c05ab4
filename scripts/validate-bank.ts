// Validates the question bank and prints what it covers: `npx tsx scripts/validate-bank.ts`.
import { loadQuestionBank } from '../src/content/question-bank.js';
import { isLoopCoachError } from '../src/errors.js';

try {
  const bank = loadQuestionBank();
  const count = (key: (q: (typeof bank)[number]) => string[]) => {
    const tally: Record<string, number> = {};
    for (const q of bank) for (const k of key(q)) tally[k] = (tally[k] ?? 0) + 1;
    return tally;
  };
  console.log(`${bank.length} questions`);
  console.log(
    'topics',
    count((q) => [q.topic]),
  );
  console.log(
    'levels',
    count((q) => q.levels),
  );
  console.log(
    'kinds',
    count((q) => [q.kind]),
  );
  console.log(
    'principles',
    count((q) => q.leadershipPrinciples),
  );
} catch (error) {
  console.error(isLoopCoachError(error) ? error.message : error);
  process.exitCode = 1;
}
