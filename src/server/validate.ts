import type { Context } from 'hono';
import type { z } from 'zod';
import { LoopCoachError, MAX_ANSWER_CHARS } from '../errors.js';

/**
 * The issue to report: for a value that matches none of a union's shapes, the issue of the shape it
 * came closest to (the deepest path), so `question.rubric: Too big` rather than `Invalid input`.
 */
function reportableIssue(issue: z.core.$ZodIssue, path: PropertyKey[] = []): { path: PropertyKey[]; message: string } {
  const here = [...path, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { path: here, message: issue.message };
  const candidates = issue.errors.flatMap((branch) => (branch[0] ? [reportableIssue(branch[0], here)] : []));
  return candidates.reduce((best, candidate) => (candidate.path.length > best.path.length ? candidate : best), { path: here, message: issue.message });
}

function firstIssue(error: z.ZodError): string {
  const issue = reportableIssue(error.issues[0]!);
  const where = issue.path.map(String).join('.');
  return `${where ? `${where}: ` : ''}${issue.message}`;
}

/** Validates a value with a zod schema, or throws invalid_input naming the first bad field. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new LoopCoachError('invalid_input', firstIssue(parsed.error));
  return parsed.data;
}

/** The request's JSON body validated with a schema; malformed JSON and bad fields are invalid_input. */
export async function parseJsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new LoopCoachError('invalid_input', 'the body is not valid JSON');
  }
  return parseWith(schema, raw);
}

/** Refuses answers over the engine's limit before any work is done. */
export function checkAnswerLength(answer: string): void {
  if (answer.length > MAX_ANSWER_CHARS) {
    throw new LoopCoachError('answer_too_long', `the answer has ${answer.length} characters; the limit is ${MAX_ANSWER_CHARS}`);
  }
}
