import type { CfnSpec } from '../core/exercises/cfn-spec.js';
import { labelCheck } from '../core/exercises/labels.js';
import { failEveryCheck, summariseChecks, type Exercise, type ExerciseResult } from '../core/exercises/types.js';
import { MAX_SUBMISSION_CHARS } from '../content/exercise.schema.js';
import { evaluateIamPolicy } from './iam.evaluator.js';
import { evaluateLambda } from './lambda.evaluator.js';
import { evaluateTemplate } from './template.evaluator.js';

export interface EvaluatorDeps {
  /** The CloudFormation specification, loaded on first need. */
  loadSpec: () => Promise<CfnSpec>;
  /** Whether candidate code (Lambda handlers) may run: single-user mode only. Default: false. */
  allowCodeRun?: boolean;
}

/** Runs a submission through the evaluator of the exercise's kind; bad submissions fail their checks, never throw. */
export async function evaluateSubmission(exercise: Exercise, submission: string, deps: EvaluatorDeps): Promise<ExerciseResult> {
  const labels = exercise.checks.map(labelCheck);
  if (submission.length > MAX_SUBMISSION_CHARS) {
    return summariseChecks(failEveryCheck(labels, `the submission has ${submission.length} characters; the limit is ${MAX_SUBMISSION_CHARS}`));
  }
  if (submission.trim() === '') return summariseChecks(failEveryCheck(labels, 'the submission is empty'));
  switch (exercise.kind) {
    case 'iam-policy':
      return summariseChecks(await evaluateIamPolicy(exercise.checks, submission));
    case 'cloudformation':
    case 'vpc-reachability':
      return summariseChecks(await evaluateTemplate(exercise.checks, submission, deps.loadSpec));
    case 'lambda-python':
      return summariseChecks(await evaluateLambda(exercise.checks, submission, { allowRun: deps.allowCodeRun === true }));
    default: {
      const never: never = exercise.kind;
      throw new Error(`unknown exercise kind ${String(never)}`);
    }
  }
}
