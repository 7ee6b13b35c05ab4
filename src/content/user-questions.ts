import { parseAllDocuments, stringify } from 'yaml';
import { LoopCoachError } from '../errors.js';
import { validateBankQuestion } from './question-bank.js';
import type { BankQuestion } from './question.schema.js';
import { MAX_IMPORT_CHARS } from '../limits.js';

/** Largest YAML text one import takes. */
export { MAX_IMPORT_CHARS };
/** Most YAML aliases (*name) one document may use: more is how a "billion laughs" bomb grows. */
export const MAX_YAML_ALIASES = 50;
/** Most questions one import takes. */
export const MAX_IMPORT_QUESTIONS = 100;

/** A question the user wrote, with its own YAML as it will be stored. */
export interface ParsedUserQuestion {
  question: BankQuestion;
  source: string;
}

/**
 * Reads the user's YAML: one question, a list of questions, or several YAML documents, each in
 * the bank's schema. Nothing is returned unless every question is valid; the error names the
 * question (by position and id) and the field that is wrong.
 */
export function parseUserQuestions(text: string): ParsedUserQuestion[] {
  if (text.length > MAX_IMPORT_CHARS) throw new LoopCoachError('question_invalid', `the file has ${text.length.toLocaleString('en-US')} characters; one import takes at most ${MAX_IMPORT_CHARS.toLocaleString('en-US')}`);
  const raw = yamlValues(text);
  if (raw.length === 0) throw new LoopCoachError('question_invalid', 'the file holds no question: write one in the bank\'s YAML schema (see content/AUTHORING.md)');
  if (raw.length > MAX_IMPORT_QUESTIONS) throw new LoopCoachError('question_invalid', `the file holds ${raw.length} questions; one import takes at most ${MAX_IMPORT_QUESTIONS}`);
  const seen = new Set<string>();
  return raw.map((value, i) => {
    const id = typeof value === 'object' && value !== null && 'id' in value ? String((value as { id: unknown }).id) : undefined;
    const question = validateBankQuestion(value, `question ${i + 1}${id ? ` ("${id}")` : ''}`);
    if (seen.has(question.id)) throw new LoopCoachError('question_invalid', `question ${i + 1}: the id "${question.id}" appears twice in this file`);
    seen.add(question.id);
    return { question, source: stringify(value) };
  });
}

function yamlValues(text: string): unknown[] {
  const values: unknown[] = [];
  for (const doc of parseAllDocuments(text)) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0].line;
      throw new LoopCoachError('question_invalid', `not valid YAML${line ? ` (line ${line})` : ''}: ${error.message.split('\n')[0]}`);
    }
    const value = toValue(doc);
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) values.push(...value);
    else values.push(value);
  }
  return values;
}

/** The document's value, refusing alias bombs with the reason instead of expanding them. */
function toValue(doc: ReturnType<typeof parseAllDocuments>[number]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(reason)) throw new LoopCoachError('question_invalid', `the YAML uses aliases (*name) too often (at most ${MAX_YAML_ALIASES} expansions); write the values out instead`);
    throw new LoopCoachError('question_invalid', `not valid YAML: ${reason.split('\n')[0]}`);
  }
}

/**
 * A question pack: the questions as YAML documents in the bank's schema, one after another,
 * which `loopcoach questions import` and the web app's "Add" read back unchanged.
 */
export function questionPackYaml(questions: readonly BankQuestion[], generatedAt: string): string {
  const header = `# Loop Coach question pack: ${questions.length} question${questions.length === 1 ? '' : 's'}, exported ${generatedAt.slice(0, 10)}.\n# Import it with \`loopcoach questions import <file>\` or in the web app under "Your questions".\n`;
  return header + questions.map((q) => `---\n${stringify(authoredForm(q), { lineWidth: 0 })}`).join('');
}

/** A loaded question back in the form it is written in: each rubric point with its phrasings (`accept`) beside it. */
function authoredForm(question: BankQuestion): Record<string, unknown> {
  const items = question.rubric.map((point, i) => (question.accept?.[i]?.length ? { point, accept: question.accept[i] } : point));
  // The file's key order stays: the rubric where it was, and no separate accept list.
  return Object.fromEntries(Object.entries({ ...question, rubric: items }).filter(([key]) => key !== 'accept'));
}
