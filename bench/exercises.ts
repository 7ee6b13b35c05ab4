// `npm run bench:exercises`: how long checking an exercise takes, cold (first use loads the
// CloudFormation specification and IAM data) and warm (p95 over repeated checks). Figures, not tests.
import { loadCfnSpec } from '../src/content/cfn-spec.js';
import { loadExercises } from '../src/content/exercises.js';
import { ExerciseService } from '../src/services/exercise.service.js';

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function row(name: string, value: string, target: string): void {
  console.log(`${name.padEnd(58)} ${value.padStart(12)}   ${target ? `target ${target}` : ''}`);
}

const exercises = loadExercises();
const service = new ExerciseService({ exercises, loadSpec: loadCfnSpec });

async function measure(id: string, submission: (i: number) => string): Promise<{ cold: number; warm: number[] }> {
  const exercise = exercises.find((e) => e.id === id)!;
  let t = performance.now();
  await service.check(exercise, submission(0));
  const cold = performance.now() - t;
  for (let i = 1; i <= 20; i++) await service.check(exercise, submission(i));
  const warm: number[] = [];
  for (let i = 21; i <= 120; i++) {
    t = performance.now();
    await service.check(exercise, submission(i));
    warm.push(performance.now() - t);
  }
  return { cold, warm };
}

// Each run checks a slightly different submission (a changed Sid or description), so nothing is reused from the previous run.
const iam = exercises.find((e) => e.id === 'iam-dynamodb-one-table')!;
const iamRun = await measure(iam.id, (i) => iam.solution.replace('"OrdersTable"', `"OrdersTable${i}"`));
const cfn = exercises.find((e) => e.id === 'cfn-rds-production-ready')!;
const cfnRun = await measure(cfn.id, (i) => cfn.solution.replace('orders_admin', `orders_admin${i}`));
const vpc = exercises.find((e) => e.id === 'vpc-three-tier-security-groups')!;
const vpcRun = await measure(vpc.id, (i) => vpc.solution.replace('Database tier', `Database tier ${i}`));

console.log('Exercise checks (2 cores; warm = p95 of 100 checks after 20 warm-up checks)\n');
row(`IAM check, ${iam.checks.length} checks, first in process`, `${iamRun.cold.toFixed(0)} ms`, '');
row('IAM check, warm (p95)', `${percentile(iamRun.warm, 95).toFixed(1)} ms`, '< 100 ms');
row(`CloudFormation check, ${cfn.checks.length} checks, first (loads the spec)`, `${cfnRun.cold.toFixed(0)} ms`, '');
row('CloudFormation check, warm (p95)', `${percentile(cfnRun.warm, 95).toFixed(1)} ms`, '< 100 ms');
row(`VPC reachability check, ${vpc.checks.length} checks, warm (p95)`, `${percentile(vpcRun.warm, 95).toFixed(1)} ms`, '');
