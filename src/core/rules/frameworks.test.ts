// The framework table: which framework fits an answer, and each part found by its cues.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../content/knowledge.js';
import type { Knowledge } from '../lexicon.js';
import { DEFAULT_PARAMETERS } from '../params.js';
import { analyseStructure } from '../structure.js';
import { analyseText } from '../text.js';
import { FRAMEWORKS, frameworkFor, isJudgedAsStory, partTip } from './frameworks.js';

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});

const text = (t: string) => analyseText(t, knowledge);
const story =
  'At my last company our checkout failed whenever the payment provider slowed down. I was responsible for the checkout API. ' +
  'I added a circuit breaker around the provider call. As a result failed checkouts fell from 4% to 0.2%.';
const design =
  'In a shop with 2,000 orders a minute at peak, I would put SQS in front of the workers because it absorbs spikes. ' +
  'The downside is that confirmation becomes asynchronous. As a result no order is lost during a spike.';

describe('frameworks', () => {
  it('judges behavioural answers and experience stories as STAR, everything else as CCTR', () => {
    expect(frameworkFor('behavioral', text('I would use SQS.'), DEFAULT_PARAMETERS)).toBe('STAR');
    expect(frameworkFor('experience', text(story), DEFAULT_PARAMETERS)).toBe('STAR');
    expect(frameworkFor('experience', text('I would use SQS because it absorbs spikes.'), DEFAULT_PARAMETERS)).toBe('CCTR');
    expect(frameworkFor('design', text(story), DEFAULT_PARAMETERS)).toBe('CCTR');
    expect(isJudgedAsStory('experience', 'CCTR')).toBe(true);
    expect(isJudgedAsStory('design', 'CCTR')).toBe(false);
  });

  it("finds every part of a complete answer with the sentence that shows it, in the table's order", () => {
    const star = analyseStructure('behavioral', text(story));
    expect(star.parts.map((p) => p.part)).toEqual(FRAMEWORKS.STAR.parts.map((p) => p.part));
    expect(star.parts.every((p) => p.present)).toBe(true);
    expect(star.parts.find((p) => p.part === 'task')?.evidence).toBe('I was responsible for the checkout API.');
    const cctr = analyseStructure('design', text(design));
    expect(cctr.parts.map((p) => p.part)).toEqual(['context', 'choice', 'tradeoff', 'result']);
    expect(cctr.parts.every((p) => p.present)).toBe(true);
  });

  it('misses a part whose cue is absent, and tips how to add it', () => {
    const cctr = analyseStructure(
      'design',
      text('In a shop with 2,000 orders a minute at peak, I would put SQS in front of the workers because it absorbs spikes.'),
    );
    expect(cctr.parts.find((p) => p.part === 'tradeoff')?.present).toBe(false);
    expect(partTip('CCTR', 'tradeoff')).toMatch(/downside/);
  });
});
