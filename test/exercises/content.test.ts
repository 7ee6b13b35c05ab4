// Every shipped exercise: its solution passes every check, and each plausible wrong answer fails the checks it names.
import { describe, expect, it } from 'vitest';
import { loadCfnSpec } from '../../src/content/cfn-spec.js';
import { loadExercises } from '../../src/content/exercises.js';
import { findPython } from '../../src/evaluators/python-runner.js';
import { ExerciseService } from '../../src/services/exercise.service.js';

const exercises = loadExercises();
const service = new ExerciseService({ exercises, loadSpec: loadCfnSpec, allowCodeRun: true });
const hasPython = findPython() !== null;
if (!hasPython) console.warn('test/exercises/content.test.ts: lambda-python exercises skipped: python3 is not installed, so handlers cannot run');
const checkable = exercises.filter((e) => hasPython || e.kind !== 'lambda-python');

describe('exercise content', () => {
  it('has at least 12 IAM, 10 CloudFormation, 10 VPC reachability and 8 Lambda exercises, each with a wrong answer', () => {
    const count = (kind: string) => exercises.filter((e) => e.kind === kind).length;
    expect(count('iam-policy')).toBeGreaterThanOrEqual(12);
    expect(count('lambda-python')).toBeGreaterThanOrEqual(8);
    expect(count('cloudformation')).toBeGreaterThanOrEqual(10);
    expect(count('vpc-reachability')).toBeGreaterThanOrEqual(10);
    for (const e of exercises) {
      expect(e.wrongAnswers?.length, e.id).toBeGreaterThan(0);
      expect(e.explanation.length, e.id).toBeGreaterThan(40);
      expect(e.hints.length, e.id).toBeGreaterThan(0);
    }
  });

  it('covers entry, mid and senior levels in every kind', () => {
    for (const kind of ['iam-policy', 'cloudformation', 'vpc-reachability', 'lambda-python']) {
      const levels = new Set(exercises.filter((e) => e.kind === kind).flatMap((e) => e.levels));
      expect([...levels].sort(), kind).toEqual(['entry', 'mid', 'senior']);
    }
  });

  describe.each(checkable.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
    it('solution passes every check', async () => {
      const result = await service.check(exercise, exercise.solution);
      const failed = result.checks.filter((c) => !c.passed).map((c) => `${c.check}: ${c.message}`);
      expect(failed).toEqual([]);
      expect(result).toMatchObject({ passed: true, score: 100 });
    });

    it('each wrong answer fails the checks it names', async () => {
      for (const wrong of exercise.wrongAnswers ?? []) {
        const result = await service.check(exercise, wrong.submission);
        expect(result.passed).toBe(false);
        for (const index of wrong.fails) expect(result.checks[index]?.passed, `${result.checks[index]?.check}: ${result.checks[index]?.message}`).toBe(false);
      }
    });
  });
});
