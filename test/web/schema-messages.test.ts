import { describe, expect, it } from 'vitest';
import { validateBankQuestion } from '../../src/content/question-bank.js';

const VALID = {
  id: 'rotate-keys',
  topic: 'networking-security',
  levels: ['mid'],
  kind: 'scenario',
  prompt: 'How do you rotate an access key without downtime?',
  rubric: ['Create the second key first.', 'Move every client to it.', 'Delete the first key last.'],
  modelAnswer: 'I created a second key, moved every client, then deleted the first.',
  pitfalls: [{ claim: 'Delete the old key first.', correction: 'That breaks every client still using it.' }],
  followUps: [
    { prompt: 'What if a client still uses the old key?', when: { missed: 1 } },
    { prompt: 'What does it cost?', when: { finding: 'no-tradeoff' } },
  ],
};

const problem = (change: Record<string, unknown>) => {
  try {
    validateBankQuestion({ ...VALID, ...change }, 'question 1');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the question was accepted');
};

describe('question schema problems, said as a person would', () => {
  it.each([
    [{ rubric: ['Only one point.'] }, 'question 1: A question needs at least three rubric points.'],
    [{ modelAnswer: undefined }, 'question 1: A question needs a model answer (the `modelAnswer` field).'],
    [{ kind: 'riddle' }, "question 1: A question's `kind` must be one of: concept, scenario, design, troubleshooting, experience, behavioral, code, iac."],
    [{ prompt: '' }, 'question 1: A question needs a prompt: `prompt` is empty.'],
    [{ colour: 'blue' }, 'question 1: A question has `colour`, which is not a field of a question (check the spelling).'],
    [{ pitfalls: [{ claim: 'Delete the old key first.' }] }, 'question 1: Pitfall 1 needs a correction (the `correction` field).'],
    [
      { followUps: [{ prompt: 'Why?', when: { missed: 5 } }, VALID.followUps[1]] },
      'question 1: Follow-up 1 refers to rubric point 5, but the rubric has 3 points.',
    ],
  ])('%j', (change, message) => {
    expect(problem(change)).toBe(message);
  });

  it('accepts a valid question', () => {
    expect(validateBankQuestion(VALID, 'question 1').id).toBe('rotate-keys');
  });
});
