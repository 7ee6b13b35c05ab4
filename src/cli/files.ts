import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { gradableQuestionSchema } from '../content/question.schema.js';
import type { Question } from '../core/types.js';
import { LoopCoachError } from '../errors.js';

const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Reads a text file the user named, with errors that say which file and what is wrong. */
export function readUserFile(path: string, what: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new LoopCoachError('file_unreadable', `${what} ${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof LoopCoachError) throw error;
    throw new LoopCoachError('file_not_found', `${what} ${path} does not exist`);
  }
  if (size > MAX_INPUT_BYTES) throw new LoopCoachError('file_unreadable', `${what} ${path} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`);
  return readFileSync(path, 'utf8');
}

/** Parses a question file (YAML or JSON) into the engine's Question, or says what is wrong. */
export async function parseQuestionText(text: string, source: string): Promise<Question> {
  let data: unknown;
  // The YAML parser loads only for YAML files: `loopcoach grade` has a start-up budget.
  const isJson = extname(source).toLowerCase() === '.json';
  const parse: (text: string) => unknown = isJson ? (t) => JSON.parse(t) : (await import('yaml')).parse;
  try {
    data = parse(text);
  } catch (error) {
    const kind = isJson ? 'JSON' : 'YAML';
    throw new LoopCoachError('question_invalid', `${source} is not valid ${kind}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new LoopCoachError('question_invalid', `${source} must hold one question (a mapping with a prompt)`);
  const parsed = gradableQuestionSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    const message = field === 'prompt' && issue.code === 'invalid_type' ? 'the question has no prompt' : `${field ? `${field}: ` : ''}${issue.message}`;
    throw new LoopCoachError('question_invalid', `${source}: ${message}`);
  }
  const q = parsed.data;
  return { ...q, level: q.level ?? q.levels?.[0] } as Question;
}
