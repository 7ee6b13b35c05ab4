// Cue phrases matched on lemmas, and the engine's one number recogniser.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../content/knowledge.js';
import type { Knowledge } from '../lexicon.js';
import { analyseSentence } from '../text.js';
import { compileCues, findCue, hasQuantity } from './cues.js';
import { CUES } from './phrases.js';

let knowledge: Knowledge;
beforeAll(() => {
  knowledge = loadKnowledge();
});

const sentence = (text: string) => analyseSentence(text, 0, knowledge);
const cue = (phrases: string[], text: string) => findCue(compileCues(phrases), sentence(text))?.text ?? null;

describe('cue phrases', () => {
  it('hears every tense of a verb written as its lemma, and quotes the words as written', () => {
    expect(cue(['look into it'], 'So I Looked into it.')).toBe('Looked into it');
    expect(cue(['look into it'], 'I am looking into it now')).toBe('looking into it');
    expect(cue(['look into it'], 'I looked into the VPC flow logs')).toBeNull();
  });

  it('matches a word marked = only as written', () => {
    expect(cue(['=fix|=fixed it $'], 'I fixed it.')).toBe('fixed it');
    expect(cue(['=fix|=fixed it $'], 'I took on fixing it.')).toBeNull();
  });

  it('supports optional slots, joined words, clause ends, sentence ends, excluded next words and anchors', () => {
    expect(cue(['figure (it|this) out'], 'We figured out the cause')).toBe('figured out');
    expect(cue(['try some|a_few|different things'], 'I would try a few things first')).toBe('try a few things');
    expect(cue(['=fix it $'], 'fix it in the route table')).toBeNull();
    expect(cue(['=fix it $'], 'fix it and move on')).toBe('fix it');
    expect(cue(['depends on your use_case $$'], 'It depends on your use case.')).not.toBeNull();
    expect(cue(['depends on your use_case $$'], 'It depends on your use case and the budget.')).toBeNull();
    expect(cue(['check (the) log !in|for'], 'Then check the logs.')).toBe('check the logs');
    expect(cue(['check (the) log !in|for'], 'Then check the logs for 5xx errors.')).toBeNull();
    expect(cue(['^ honestly'], 'Honestly, it went fine.')).toBe('Honestly');
    expect(cue(['^ honestly'], 'It went fine, honestly.')).toBeNull();
  });

  it("finds the habits' cues: vague steps, hedges and filler openings", () => {
    expect(findCue(CUES.vagueActions, sentence('A user reported it, so I looked into it and fixed it.'))?.text).toBe('looked into it');
    expect(findCue(CUES.hedges, sentence('Honestly it really depends.'))).not.toBeNull();
    expect(findCue(CUES.genericDependencies, sentence('It depends on your specific requirements.'))).not.toBeNull();
    expect(findCue(CUES.genericDependencies, sentence('It depends on the read pattern.'))).toBeNull();
    expect(findCue(CUES.fillerOpenings, sentence("Um, that's a great question."))).not.toBeNull();
    expect(findCue(CUES.fillerOpenings, sentence('I would start with what fails first: the database.'))).toBeNull();
  });
});

describe('hasQuantity', () => {
  it('hears digits and number words, and nothing else', () => {
    for (const text of ['Latency fell to 40 ms.', 'It halved the bill.', 'We served thousands of users.', 'Errors doubled overnight.', 'p99 went up'])
      expect(hasQuantity(sentence(text)), text).toBe(true);
    for (const text of ['Latency fell a lot.', 'The bill went down.', 'One of the services failed.']) expect(hasQuantity(sentence(text)), text).toBe(false);
  });
});
