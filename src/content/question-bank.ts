import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LoopCoachError } from '../errors.js';
import { describeQuestionIssue } from './schema-messages.js';
import { bankQuestionSchema, type BankQuestion } from './question.schema.js';

import { defaultQuestionDir, listYamlFiles } from './bank-location.js';

export { defaultQuestionDir };

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Parses one bank file; throws a LoopCoachError naming the file and the first problems. */
export function parseBankQuestionFile(path: string, text: string, root = ''): BankQuestion {
  const name = root ? relative(root, path) : path;
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new LoopCoachError('question_invalid', `${name}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  return validateBankQuestion(data, name);
}

/** Checks one parsed question against the bank's schema; the error names where and the first problems. */
export function validateBankQuestion(data: unknown, where: string): BankQuestion {
  const parsed = bankQuestionSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(describeQuestionIssue);
    throw new LoopCoachError('question_invalid', `${where}: ${issues.join(' ')}`);
  }
  return parsed.data;
}

/** Loads and validates every question of the bank; ids must be unique and match file names. */
export function loadQuestionBank(dir: string = defaultQuestionDir()): BankQuestion[] {
  if (!isDirectory(dir)) return [];
  const questions: BankQuestion[] = [];
  const seen = new Map<string, string>();
  for (const path of listYamlFiles(dir)) {
    const question = parseBankQuestionFile(path, readFileSync(path, 'utf8'), dir);
    const rel = relative(dir, path);
    const expected = `${question.topic}/${question.id}.yaml`;
    if (rel !== expected) throw new LoopCoachError('question_invalid', `${rel}: a question with id "${question.id}" and topic "${question.topic}" belongs at ${expected}`);
    const previous = seen.get(question.id);
    if (previous) throw new LoopCoachError('question_invalid', `${rel}: id "${question.id}" is already used by ${previous}`);
    seen.set(question.id, rel);
    questions.push(question);
  }
  return questions;
}
