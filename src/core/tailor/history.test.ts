import { describe, expect, it } from 'vitest';
import { skillScores } from './history.js';

describe('skillScores', () => {
  it('averages past scores per skill named by the question', () => {
    expect(
      skillScores([
        { questionText: 'How would you design a DynamoDB table for orders? Amazon DynamoDB', score: 40 },
        { questionText: 'Security groups versus network ACLs in a VPC', score: 90 },
        { questionText: 'Pick a database for a ledger: RDS or DynamoDB?', score: 60 },
      ]),
    ).toEqual({ databases: 50, networking: 90, security: 90 });
  });

  it('knows nothing without history', () => {
    expect(skillScores([])).toEqual({});
  });
});
