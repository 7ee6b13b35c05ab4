// Leadership Principle cues: phrase lists, heard in the speaker's own sentences.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../content/knowledge.js';
import type { Knowledge } from '../lexicon.js';
import { findPrinciples } from '../principles.js';
import { analyseText } from '../text.js';

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});

const principles = (t: string) => findPrinciples(analyseText(t, knowledge)).map((p) => p.principle);

describe('principle cues', () => {
  it('hears each principle by its phrases, in any case and with stems', () => {
    expect(principles('I was on call that night and took ownership of the fix.')).toContain('Ownership');
    expect(principles('I simplified the release to one pipeline.')).toContain('Invent and Simplify');
    expect(principles('I pushed back on the plan and made my case with data.')).toContain('Have Backbone; Disagree and Commit');
    expect(principles('The bill fell by $5,900 a month after I moved it.')).toContain('Frugality');
  });

  it('hears nothing in a sentence without a cue', () => {
    expect(principles('The queue holds messages for four days.')).toEqual([]);
  });

  it("takes the speaker's own sentence as evidence when there is one", () => {
    const found = findPrinciples(analyseText('The team shipped on time. I shipped the last fix myself.', knowledge)).find(
      (p) => p.principle === 'Deliver Results',
    );
    expect(found?.evidence).toBe('I shipped the last fix myself.');
  });
});
