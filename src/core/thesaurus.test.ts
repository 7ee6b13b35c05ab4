import { describe, expect, it } from 'vitest';
import { CONCEPT_PHRASES } from './thesaurus.js';

/** Everyday words a candidate uses outside AWS's meaning ("a user reported it", "on-call rotation"). */
const EVERYDAY_WORDS = [
  'user',
  'users',
  'role',
  'roles',
  'zone',
  'zones',
  'tag',
  'tags',
  'buffer',
  'rotation',
  'data',
  'key',
  'group',
  'table',
  'function',
  'policy',
  'plan',
  'spot',
  'center',
  'centre',
  'acl',
  'sp',
  'limit',
  'check',
  'port',
  'record',
  'account',
];

describe('the AWS thesaurus', () => {
  it('maps each phrase to one concept', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [concept, phrases] of Object.entries(CONCEPT_PHRASES)) {
      for (const phrase of new Set([concept, ...phrases].map((p) => p.toLowerCase()))) {
        const previous = owner.get(phrase);
        if (previous && previous !== concept) twice.push(`"${phrase}": ${previous} and ${concept}`);
        owner.set(phrase, concept);
      }
    }
    expect(twice).toEqual([]);
  });

  it('makes no everyday word an AWS concept', () => {
    const generic = Object.entries(CONCEPT_PHRASES).flatMap(([concept, phrases]) =>
      phrases.filter((p) => EVERYDAY_WORDS.includes(p.toLowerCase())).map((p) => `${concept}: "${p}"`),
    );
    expect(generic).toEqual([]);
  });
});
