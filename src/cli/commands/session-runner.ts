import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { SessionReport } from '../../core/session/report.js';
import { TOPIC_NAMES } from '../../core/topics.js';
import type { Feedback } from '../../core/types.js';
import { loadConfig } from '../../config.js';
import type { SessionReportView, SessionService } from '../../services/session.service.js';
import { deliveryTrendText } from './delivery-text.js';
import { isPostgresUrl, openStore, type Store } from '../../store/open-store.js';
import { printJson, type CliIo } from '../output.js';
import { readUserFile } from '../files.js';

/** Gives the answer to each prompt in turn; null ends the session (file ran out, Ctrl-C, end of input). */
export interface AnswerSource {
  next(): Promise<string | null>;
  close(): void;
}

export interface SessionFlags {
  db?: string;
  answers?: string;
  json?: boolean;
  questionsDir?: string;
}

/** Answers from a file: one per block, blocks separated by a line holding only `---`. */
export function answerBlocks(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .split(/^---[ \t]*$/m)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

function listSource(answers: string[]): AnswerSource {
  let i = 0;
  return { next: async () => answers[i++] ?? null, close: () => undefined };
}

/** An answer that is one of these words skips the prompt, or ends the interview with a report on what was answered. */
export const SKIP_WORD = '/skip';
export const END_WORD = '/end';
const COMMAND_WORDS = [SKIP_WORD, END_WORD];

/** Typed answers: each ends with a line holding only `.`, or two empty lines; Ctrl-C ends the session. */
function terminalSource(io: CliIo): AnswerSource {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  let closed = false;
  const stop = () => {
    closed = true;
    io.err('\nStopping: your answers so far are saved.');
    rl.close();
  };
  process.once('SIGINT', stop);
  rl.on('SIGINT', stop);
  return {
    async next() {
      const collected: string[] = [];
      let blanks = 0;
      while (!closed) {
        const { value, done } = await lines.next();
        if (done) break;
        const line = String(value);
        if (line.trim() === '.') break;
        // A command on a line of its own acts at once, with no "." needed.
        if (collected.length === 0 && COMMAND_WORDS.includes(line.trim())) return line.trim();
        blanks = line.trim() === '' ? blanks + 1 : 0;
        if (blanks >= 2) break;
        collected.push(line);
      }
      const answer = collected.join('\n').trim();
      return closed || answer === '' ? null : answer;
    },
    close() {
      process.removeListener('SIGINT', stop);
      rl.close();
    },
  };
}

/** The answer source the flags ask for. */
export async function answerSource(flags: SessionFlags, io: CliIo): Promise<AnswerSource> {
  if (flags.answers) return listSource(answerBlocks(readUserFile(flags.answers, 'answers file')));
  return terminalSource(io);
}

/**
 * Opens the configured store, runs the task and always closes it. A task that only reads
 * (`readsOnly`) gets an empty in-memory store when the SQLite file does not exist yet, so
 * looking at history never creates a database file.
 */
export async function withStore<T>(flags: SessionFlags, task: (store: Store) => Promise<T>, { readsOnly = false } = {}): Promise<T> {
  const location = loadConfig({ db: flags.db }).db;
  const isMissingFile = !isPostgresUrl(location) && location !== ':memory:' && !existsSync(location);
  const store = await openStore(readsOnly && isMissingFile ? ':memory:' : location);
  try {
    return await task(store);
  } finally {
    await store.close();
  }
}

function feedbackText(feedback: Feedback): string {
  const missed = feedback.rubric.filter((r) => !r.covered).map((r) => `  - missed: ${r.point}`);
  const habits = feedback.findings.map((f) => `  - ${f.code}: ${f.message}`);
  return [`Score ${feedback.score}/100`, ...missed, ...habits, ...feedback.tips.slice(0, 2).map((t) => `  tip: ${t}`)].join('\n');
}

/** Asks, grades and follows up until the plan is done or the answers run out; prints the report. */
export async function runSession(service: SessionService, sessionId: string, source: AnswerSource, io: CliIo, flags: SessionFlags): Promise<SessionReport> {
  const say = (text: string) => (flags.json ? undefined : io.out(text));
  say(
    `Session ${sessionId}. End each answer with a line holding only "." (or two empty lines); answer ${SKIP_WORD} to skip a question, ${END_WORD} to end the interview now; Ctrl-C saves and stops.`,
  );
  let ended = false;
  try {
    for (let pending = await service.next(sessionId); pending; pending = await service.next(sessionId)) {
      const label = pending.parentAttemptId ? 'Follow-up' : `Question ${pending.position}/${pending.total}`;
      say(`\n${label}: ${pending.prompt}\n`);
      const startedAt = new Date();
      const answer = await source.next();
      if (answer === null) break;
      if (answer.trim() === END_WORD) {
        await service.end(sessionId);
        ended = true;
        break;
      }
      if (answer.trim() === SKIP_WORD) {
        await service.skipNext(sessionId);
        say('Skipped.');
        continue;
      }
      say(feedbackText(await service.answer(pending, answer, startedAt)));
    }
  } finally {
    source.close();
  }
  const finished = ended || (await service.finishIfDone(sessionId));
  const report = await service.report(sessionId);
  if (flags.json) printJson(io, report);
  else io.out(reportText(report, finished, (id) => service.modelAnswer(id)));
  return report;
}

function questionText(q: SessionReport['questions'][number], modelAnswer: string | undefined): string[] {
  const missed = q.feedback.rubric.filter((r) => !r.covered).map((r) => `    missed: ${r.point}`);
  const followUps = q.followUps.map((f) => `    follow-up ${f.feedback.score}/100: ${f.prompt}`);
  const model = modelAnswer
    ? missed.length
      ? [`    model answer: ${modelAnswer}`]
      : []
    : ['    no model answer: this question was written from the job posting or your résumé; only your own facts answer it'];
  return [`  ${q.id}: ${q.feedback.score}/100`, ...missed, ...followUps, ...model];
}

function reportText(report: SessionReportView, finished: boolean, modelAnswer: (id: string) => string | undefined): string {
  return [
    '',
    `Session ${report.id}: ${finished ? 'finished' : `saved; continue with \`loopcoach resume ${report.id}\``}`,
    `Overall ${report.score}/100 (substance ${report.dimensions.substance}, structure ${report.dimensions.structure}, habits ${report.dimensions.habits})`,
    ...report.questions.flatMap((q) => questionText(q, modelAnswer(q.id))),
    ...(report.skipped ?? []).map((q) => `  skipped${q.isFollowUp ? ' follow-up' : ''}: ${q.prompt.split('\n')[0]}`),
    report.habits.length ? `Habits to work on: ${report.habits.map((h) => `${h.code} (${h.count})`).join(', ')}` : 'No habits to work on.',
    report.next.length ? `Practise next: ${report.next.map((n) => `${TOPIC_NAMES[n.topic]} (${n.score})`).join(', ')}` : 'Nothing weak this session.',
    ...deliveryTrendText(report.delivery, 'Delivery of your spoken answers (words a minute, fillers a minute, long pauses)'),
  ].join('\n');
}
