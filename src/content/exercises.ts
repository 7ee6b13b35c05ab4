import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Exercise } from '../core/exercises/types.js';
import { LoopCoachError } from '../errors.js';
import { listYamlFiles } from './bank-location.js';
import { exerciseSchema, toExercise } from './exercise.schema.js';

/** Where the exercises ship: content/exercises beside src/ (and beside dist/src/ once built). */
export function defaultExerciseDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, '..', '..', 'content', 'exercises'), join(here, '..', '..', '..', 'content', 'exercises')];
  return candidates.find(isDirectory) ?? candidates[0]!;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Parses the text of one exercise file (YAML, or JSON which YAML reads too); the error names the file and the first problems. */
export function parseExerciseText(text: string, source: string): Exercise {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new LoopCoachError('exercise_invalid', `${source}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = exerciseSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new LoopCoachError('exercise_invalid', `${source}: ${issues.join('; ')}`);
  }
  return toExercise(parsed.data);
}

/** Loads every shipped exercise; ids are unique and each file sits at <kind>/<id>.yaml. */
export function loadExercises(dir: string = defaultExerciseDir()): Exercise[] {
  if (!isDirectory(dir)) return [];
  const seen = new Map<string, string>();
  return listYamlFiles(dir).map((path) => {
    const rel = relative(dir, path);
    const exercise = parseExerciseText(readFileSync(path, 'utf8'), rel);
    const expected = join(exercise.kind, `${exercise.id}.yaml`);
    if (rel !== expected) throw new LoopCoachError('exercise_invalid', `${rel}: an exercise with id "${exercise.id}" and kind "${exercise.kind}" belongs at ${expected}`);
    const previous = seen.get(exercise.id);
    if (previous) throw new LoopCoachError('exercise_invalid', `${rel}: id "${exercise.id}" is already used by ${previous}`);
    seen.set(exercise.id, rel);
    return exercise;
  });
}
