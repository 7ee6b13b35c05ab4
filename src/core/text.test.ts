import { describe, expect, it } from 'vitest';
import { splitSentences, toUnits } from './text.js';
import type { RawToken } from './lexicon.js';

const word = (text: string, extra: Partial<RawToken> = {}): RawToken => ({
  text,
  lemma: text.toLowerCase(),
  stem: text.toLowerCase(),
  pos: 'NOUN',
  isStop: false,
  negated: false,
  type: 'word',
  ...extra,
});

describe('splitSentences', () => {
  it('keeps sentences verbatim and does not split on abbreviations or decimals', () => {
    expect(splitSentences('I use SQS, e.g. for orders. It costs $0.40 per million requests! Why? Because.')).toEqual([
      'I use SQS, e.g. for orders.',
      'It costs $0.40 per million requests!',
      'Why?',
      'Because.',
    ]);
  });

  it('splits bullet lists and paragraphs, and drops empty pieces', () => {
    expect(splitSentences('Steps:\n- check the route table\n- check the NACL\n\n  \nDone')).toEqual([
      'Steps:',
      'check the route table',
      'check the NACL',
      'Done',
    ]);
    expect(splitSentences('   \n\n ')).toEqual([]);
  });
});

describe('toUnits', () => {
  it('joins multi-word AWS terms into one concept', () => {
    const units = toUnits([
      word('security'),
      word('groups', { lemma: 'group' }),
      word('and'),
      word('Availability', { pos: 'PROPN' }),
      word('Zones', { pos: 'PROPN' }),
    ]);
    expect(units.map((u) => u.key)).toEqual(['security-group', 'and', 'az']);
  });

  it('reads a negated polar concept as its opposite ("does not track connections" is stateless)', () => {
    const units = toUnits([
      word('does'),
      word('not'),
      word('track', { negated: true, pos: 'VERB' }),
      word('connections', { lemma: 'connection', negated: true }),
    ]);
    expect(units.map((u) => u.key)).toContain('stateless');
  });
});
