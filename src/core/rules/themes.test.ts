// The theme table: which themes a prompt names, and how an answer shows one in other words.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../content/knowledge.js';
import type { Knowledge } from '../lexicon.js';
import { analyseText } from '../text.js';
import { compileCues, cuesSaid } from './cues.js';
import { bestThemeEvidence, THEMES, themeEvidence, themesNamed } from './themes.js';

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});

const sentences = (text: string) => analyseText(text, knowledge).sentences;

describe('themes', () => {
  it('hears the theme a behavioural prompt names, in any form', () => {
    expect(themesNamed(sentences('Tell me about a time you improved the reliability of a system.'))).toContain('reliability');
    expect(themesNamed(sentences('Describe a time you disagreed with your manager.'))).toContain('disagreement');
    expect(themesNamed(sentences('Tell me about a time you missed a deadline.'))).toContain('deadline');
    expect(themesNamed(sentences('Tell me about a time you mentored a junior engineer.'))).toContain('mentoring');
    expect(themesNamed(sentences('What is the difference between SQS and SNS?'))).toEqual([]);
  });

  it('counts each piece of evidence once, however often it is said', () => {
    const story = sentences('We had two outages and another outage later. I set up failover and alarms.');
    expect(themeEvidence('reliability', story).count).toBe(3);
    expect(themeEvidence('reliability', sentences('I wrote the quarterly report for the sales team.')).count).toBe(0);
  });

  it('takes the prompt theme the answer shows best', () => {
    const best = bestThemeEvidence(['cost', 'reliability'], sentences('The bill was 40,000 dollars a month, so I moved the batch jobs to Spot.'));
    expect(best?.theme).toBe('cost');
    expect(best?.count).toBeGreaterThanOrEqual(3);
    expect(bestThemeEvidence([], sentences('Anything.'))).toBeNull();
  });

  it('finds every cue phrase of a list in a sentence, not only the first', () => {
    const said = cuesSaid(compileCues(['outage', 'failover', 'alarm']), sentences('After the outage I added failover and an alarm.')[0]!);
    expect([...said].sort()).toEqual(['alarm', 'failover', 'outage']);
  });

  it('keeps everyday words out of the evidence: a theme is shown by words specific to it', () => {
    const everyday = new Set(['team', 'system', 'project', 'change', 'work', 'time', 'thing', 'people', 'good', 'make']);
    for (const { theme, shownBy } of THEMES) {
      // One-word entries: a phrase of several slots ("previous team") is specific as a whole.
      for (const entry of shownBy.filter((e) => !e.includes(' ')))
        for (const word of entry.split('|')) expect(everyday.has(word), `${theme}: ${entry}`).toBe(false);
    }
  });
});
