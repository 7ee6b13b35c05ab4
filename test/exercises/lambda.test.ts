// Lambda handlers: static checks with tree-sitter, runs with a time limit, and code that misbehaves.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCfnSpec } from '../../src/content/cfn-spec.js';
import { loadExercises } from '../../src/content/exercises.js';
import { findPython } from '../../src/evaluators/python-runner.js';
import { ExerciseService } from '../../src/services/exercise.service.js';

const exercises = loadExercises();
const exercise = exercises.find((e) => e.id === 'lambda-api-query-validation')!;
const running = new ExerciseService({ exercises, loadSpec: loadCfnSpec, allowCodeRun: true });
const teamMode = new ExerciseService({ exercises, loadSpec: loadCfnSpec, allowCodeRun: false });
const hasPython = findPython() !== null;
if (!hasPython) console.warn('test/exercises/lambda.test.ts: run checks skipped: python3 is not installed');

describe('lambda-python static checks (no Python needed)', () => {
  it('reports a syntax error with its line on every check', async () => {
    const result = await teamMode.check(exercise, 'def handler(event, context):\n    x = (\n    return 1\n');
    expect(result.checks[0]).toMatchObject({ check: 'handler handler', passed: false, line: 2 });
    expect(result.checks[0]!.message).toMatch(/syntax error/);
  });

  it('checks the handler name and signature', async () => {
    const wrongName = await teamMode.check(exercise, 'def lambda_handler(event, context):\n    return 1\n');
    expect(wrongName.checks[0]!.message).toBe('no top-level function named handler (found: lambda_handler)');
    const oneArg = await teamMode.check(exercise, 'def handler(event):\n    return 1\n');
    expect(oneArg.checks[0]).toMatchObject({ passed: false, message: 'handler must take (event, context); it takes (event)', line: 1 });
    expect((await teamMode.check(exercise, exercise.solution)).checks[0]!.passed).toBe(true);
  });

  it('does not run code outside single-user mode, and says why', async () => {
    const result = await teamMode.check(exercise, exercise.solution);
    expect(result.checks[1]).toMatchObject({ passed: false, message: expect.stringContaining('only allowed in single-user mode') });
  });
});

describe.skipIf(!hasPython)('lambda-python runs', () => {
  it('stops a handler that loops forever within the time limit', async () => {
    const t = performance.now();
    const result = await running.check(exercise, 'def handler(event, context):\n    while True:\n        pass\n');
    expect(performance.now() - t).toBeLessThan(8_000);
    expect(result.checks[1]!.message).toMatch(/did not finish within 5 s/);
  }, 15_000);

  it('refuses to delete files, start processes or open sockets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopcoach-victim-'));
    writeFileSync(join(dir, 'keep.txt'), 'precious');
    const attacks = [
      `import os\ndef handler(event, context):\n    os.remove(${JSON.stringify(join(dir, 'keep.txt'))})\n`,
      `import shutil\ndef handler(event, context):\n    shutil.rmtree(${JSON.stringify(dir)})\n`,
      `import subprocess\ndef handler(event, context):\n    subprocess.run(["rm", "-rf", ${JSON.stringify(dir)}])\n`,
      `import socket\ndef handler(event, context):\n    socket.create_connection(("127.0.0.1", 80))\n`,
    ];
    for (const code of attacks) {
      const result = await running.check(exercise, code);
      expect(result.checks[1]!.message).toMatch(/raised PermissionError: .* is not allowed in an exercise/);
      expect(result.checks[1]!.line).toBe(3);
    }
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  }, 30_000);

  it('reports an exception with the line of the submission that raised it', async () => {
    const result = await running.check(exercise, 'def handler(event, context):\n    return event["queryStringParameters"]["name"]\n');
    expect(result.checks[2]).toMatchObject({ passed: false, line: 2 });
    expect(result.checks[2]!.message).toContain('TypeError');
  });

  it('reports the calls the handler made when an expected call is missing', async () => {
    const put = exercises.find((e) => e.id === 'lambda-api-put-order')!;
    const result = await running.check(
      put,
      'import boto3\nsqs = boto3.client("sqs")\ndef handler(event, context):\n    sqs.send_message(QueueUrl="q", MessageBody="x")\n    return {"statusCode": 201, "body": "o-1"}\n',
    );
    expect(result.checks[1]!.message).toBe(
      'expected a call to dynamodb.PutItem with {"TableName":"Orders"}; the handler made sqs.SendMessage({"QueueUrl":"q","MessageBody":"x"})',
    );
  });
});
