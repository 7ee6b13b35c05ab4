import type { Command } from 'commander';
import { createCoach } from '../../coach.js';
import type { ProgressView } from '../../services/progress.service.js';
import { deliveryTrendText, measuresText } from './delivery-text.js';
import { cameraMeasuresText, cameraTrendText } from './camera-text.js';
import { TOPIC_NAMES } from '../../core/topics.js';
import type { Topic } from '../../core/types.js';
import { composeServices } from '../../services/compose.js';
import { printJson, type CliIo } from '../output.js';
import { withStore, type SessionFlags } from './session-runner.js';

/** `loopcoach progress`: scores per topic and habit over time, repeated questions and streaks. */
export function registerProgress(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('progress')
    .description('your progress per topic and habit over time, repeated questions side by side, and streaks')
    .option('--json', 'print the progress as JSON')
    .option('--db <path>', 'SQLite file or postgres:// URL (default ~/.loopcoach/loopcoach.db)')
    .option('--questions-dir <dir>', 'use this question bank folder instead of the shipped one')
    .action((flags: SessionFlags) =>
      run(async () => {
        const coach = await createCoach(flags.questionsDir ? { questionDir: flags.questionsDir } : {});
        await withStore(
          flags,
          async (store) => {
            const progress = await (await composeServices({ coach, store })).progress.progress();
            if (flags.json) return printJson(io, progress);
            io.out(progressText(progress));
          },
          { readsOnly: true },
        );
      }),
    );
}

function progressText(p: ProgressView): string {
  const topics = Object.entries(p.topics).map(
    ([topic, series]) => `  ${TOPIC_NAMES[topic as Topic].padEnd(24)} ${series.map((s) => `${s.date.slice(5)}:${s.score}`).join('  ')}`,
  );
  const habits = Object.entries(p.habits).map(([code, series]) => `  ${code.padEnd(20)} ${series.map((s) => `${s.date.slice(5)}:${s.count}`).join('  ')}`);
  const repeats = p.questions.flatMap((q) => [
    `  ${q.questionId}: ${q.attempts.map((a) => a.score).join(' -> ')}${q.improved.length ? `; now covers: ${q.improved.join('; ')}` : ''}${q.lost.length ? `; no longer covers: ${q.lost.join('; ')}` : ''}`,
    ...(q.delivery.some((d) => d !== null) ? [`    delivery: ${q.delivery.map((d) => (d ? measuresText(d) : 'typed')).join(' | ')}`] : []),
    ...(q.camera.some((c) => c !== null) ? [`    camera: ${q.camera.map((c) => (c ? cameraMeasuresText(c) : 'no camera')).join(' | ')}`] : []),
  ]);
  const exercises = p.exercises.map((e) => `  ${e.exerciseId}: ${e.attempts.map((a) => `${a.score}${a.passed ? ' (passed)' : ''}`).join(' -> ')}`);
  return [
    `Streak: ${p.streak.current} day(s) (longest ${p.streak.longest}, ${p.streak.daysPractised} day(s) practised)`,
    'Topics (date:score)',
    ...(topics.length ? topics : ['  none yet']),
    'Habits (date:times raised)',
    ...(habits.length ? habits : ['  none raised']),
    'Questions answered more than once',
    ...(repeats.length ? repeats : ['  none yet']),
    'Exercises (share of checks passed per attempt)',
    ...(exercises.length ? exercises : ['  none yet']),
    ...deliveryTrendText(p.delivery, 'Delivery over time (spoken answers)'),
    ...cameraTrendText(p.camera, 'On camera over time (answers recorded with the camera)'),
  ].join('\n');
}
