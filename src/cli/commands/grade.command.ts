import type { Command } from 'commander';
import { createCoach } from '../../coach.js';
import { explainScore, type ScoreFactor } from '../../core/score.js';
import type { Feedback, Question } from '../../core/types.js';
import { LoopCoachError, MAX_ANSWER_CHARS } from '../../errors.js';
import { parseQuestionText, readUserFile } from '../files.js';
import { printJson, type CliIo } from '../output.js';

interface GradeFlags {
  question: string;
  answer?: string;
  audio?: string;
  json?: boolean;
}

/** `loopcoach grade --question <file> (--answer <file|-> | --audio <file>) [--json]` */
export function registerGrade(program: Command, io: CliIo, run: (task: () => Promise<void>) => Promise<void>): void {
  program
    .command('grade')
    .description('grade one answer to one question and print the feedback')
    .requiredOption('-q, --question <file>', 'question file (.yaml or .json) with a prompt and a rubric or modelAnswer')
    .option('-a, --answer <file>', 'answer text file, or - to read standard input')
    .option('--audio <file>', 'a spoken answer (WAV, WebM/Opus or Ogg/Opus), transcribed on this machine; adds transcript and delivery')
    .option('--json', 'print the Feedback object as JSON')
    .action((flags: GradeFlags) =>
      run(async () => {
        if ((flags.answer === undefined) === (flags.audio === undefined))
          throw new LoopCoachError('invalid_input', 'give the answer as one of --answer <file> or --audio <file>');
        const question = await parseQuestionText(readUserFile(flags.question, 'question file'), flags.question);
        if (flags.audio !== undefined) return gradeSpoken(io, question, flags.audio, flags.json);
        const answer = flags.answer === '-' ? await io.readStdin() : readUserFile(flags.answer!, 'answer file');
        if (answer.length > MAX_ANSWER_CHARS)
          throw new LoopCoachError(
            'answer_too_long',
            `the answer has ${answer.length.toLocaleString('en-US')} characters; the limit is ${MAX_ANSWER_CHARS.toLocaleString('en-US')}`,
          );
        const coach = await createCoach({ questionDir: null });
        const feedback = coach.grade(question, answer);
        if (flags.json) printJson(io, feedback);
        else io.out(formatFeedback(feedback));
      }),
    );
}

/** Transcribes the recording, grades the transcript, and presents feedback with delivery. */
async function gradeSpoken(io: CliIo, question: Question, audioPath: string, json?: boolean): Promise<void> {
  const { readAudioFile, transcribeAudio } = await import('../../services/speech.service.js');
  const { formatDelivery } = await import('./transcribe.command.js');
  const analysis = await transcribeAudio(readAudioFile(audioPath), question.kind);
  const coach = await createCoach({ questionDir: null });
  const feedback = coach.grade(question, analysis.transcript);
  if (json) printJson(io, { ...feedback, transcript: analysis.transcript, delivery: analysis.delivery });
  else io.out([`Transcript: ${analysis.transcript}`, '', formatFeedback(feedback), '', formatDelivery(analysis.delivery)].join('\n'));
}

const MARK = { yes: '✔', no: '✘' };

/** "+52 substance", "−4 no-metrics (×0.85)": what one factor did to the score. */
function formatFactor(factor: ScoreFactor): string {
  const points = Math.round(factor.points * 10) / 10;
  const label = factor.kind === 'credit' ? factor.name : `${factor.name} (${factor.detail})`;
  return `${points >= 0 ? '+' : '−'}${Math.abs(points)} ${label}`;
}

/** A readable view of feedback for the terminal. */
export function formatFeedback(feedback: Feedback): string {
  const parts = explainScore(feedback);
  const lines: string[] = [];
  lines.push(`Score ${feedback.score}/100  (substance ${pct(parts.substance)}, structure ${pct(parts.structure)}, habits ${pct(parts.habits)})`);
  lines.push(`  ${parts.factors.map(formatFactor).join(', ')}`);
  lines.push('', 'Rubric');
  for (const r of feedback.rubric) {
    lines.push(`  ${r.covered ? MARK.yes : MARK.no} ${r.point}`);
    if (r.evidence) lines.push(`      “${r.evidence}”`);
  }
  lines.push('', `Structure (${feedback.structure.framework})`);
  lines.push(`  ${feedback.structure.parts.map((p) => `${p.present ? MARK.yes : MARK.no} ${p.part}`).join('   ')}`);
  if (feedback.findings.length > 0) {
    lines.push('', 'Habits');
    for (const f of feedback.findings) {
      lines.push(`  [${f.code}] ${f.message}`);
      if (f.evidence) lines.push(`      “${f.evidence}”`);
    }
  }
  if (feedback.services.length > 0) lines.push('', `Services: ${feedback.services.join(', ')}`);
  if (feedback.leadershipPrinciples.length > 0) {
    // Each principle with the sentence of the answer that shows it.
    lines.push('', 'Leadership Principles');
    for (const p of feedback.leadershipPrinciples) lines.push(`  ${p.principle}`, `      “${p.evidence}”`);
  }
  if (feedback.tips.length > 0) {
    lines.push('', 'Next time');
    feedback.tips.forEach((t, i) => lines.push(`  ${i + 1}. ${t}`));
  }
  return lines.join('\n');
}

function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}
