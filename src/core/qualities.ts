import { hasQuantity } from './rules/cues.js';
import { PRINCIPLE_CUES } from './principles.js';
import type { AnalysedText, Sentence } from './text.js';
import type { Structure } from './types.js';

/**
 * Rubric points of stories are often about the answer's qualities, not its content:
 * "Describes a specific disagreement", "Quantifies the result", "States what they owned".
 * No word of such a point need appear in a good answer, so these points are judged by what the
 * answer does: a detector per quality, chosen by the point's own words, with the sentence
 * that shows the quality as evidence.
 */
const META_POINT =
  /^(?:describes?|explains?|shows?|gives?|names?|states?|quantif(?:ies|y)|mentions?|identifies|identify|admits?|takes?|owns?|uses?|includes?|demonstrates?|shares?|reflects?|acknowledges?|articulates?|walks? through|tells?|sets? out|credits?|proposes?|commits?|raises?|describe|explain)\b/i;

/** Whether a rubric point judges the answer's qualities ("Describes…", "Quantifies…"). */
export function isQualityPoint(point: string): boolean {
  return META_POINT.test(point.trim());
}

const FIRST_PERSON_DEED =
  /\bi (?:(?:then|first|also|quickly|personally|immediately) )?(?!think|believe|guess|feel|felt|was|am|mean|would say|had)\w+(?:ed|t|de|ote|ew|ought|an|ook|et|ut|ent|old|ave|ade|ound|ent|ew|ode|an)\b/i;

type Detector = (answer: AnalysedText, structure: Structure) => Sentence | null;

const find =
  (re: RegExp): Detector =>
  (answer) =>
    answer.sentences.find((s) => re.test(s.text)) ?? null;
const part =
  (name: string): Detector =>
  (answer, structure) => {
    const evidence = structure.parts.find((p) => p.part === name && p.present)?.evidence;
    return evidence ? (answer.sentences.find((s) => s.text === evidence) ?? null) : null;
  };

const QUALITY_DETECTORS: Array<{ when: RegExp; detect: Detector }> = [
  {
    when: /\b(?:measur|quantif|number|metric|outcome|result|saving|impact|improvement|percentage|how much|reduc)/i,
    detect: (a, s) => {
      const r = part('result')(a, s);
      return r && hasQuantity(r)
        ? r
        : (a.sentences
            .slice(1)
            .find((x) => hasQuantity(x) && /\b(?:cut|reduc|improv|drop|sav|fell|rose|went|faster|fewer|less|down|from|to)\w*/i.test(x.text)) ?? null);
    },
  },
  { when: /\b(?:situation|specific|context|stakes|background|system|project|what it cost before|deadline|incident)\b/i, detect: part('situation') },
  { when: /\b(?:own(?:ed|s|ership)?|personally|themselves|responsib|their (?:part|role)|what they did)\b/i, detect: part('task') },
  { when: /\b(?:actions?|steps?|changes?|concrete|what they did|how they)\b/i, detect: (a) => a.sentences.find((x) => FIRST_PERSON_DEED.test(x.text)) ?? null },
  {
    when: /\b(?:learn|lesson|mechanism|recurr|prevent|since|process|follow-up|keep .* down|last)\w*/i,
    detect: find(
      /\b(?:learn(?:ed|t)|lesson|mechanism|since then|ever since|from then on|now (?:we|every|all|the team)|runbook|alarm|checklist|guardrail|policy|automated check|postmortem|post-mortem|so it (?:never|would not|won't))\b/i,
    ),
  },
  {
    when: /\b(?:data|evidence|prototype|metrics|numbers|benchmark)\b/i,
    detect: find(/\b(?:data|numbers|metrics|benchmark\w*|prototype\w*|measured|dashboard|graph|report|test(?:ed)?|load test|proof)\b/i),
  },
  {
    when: /\b(?:trade-?offs?|risks?|downside|cost of|managed)\b/i,
    detect: find(/\b(?:trade-?offs?|risks?|downside|drawback|cost us|at the cost|however|but|rollback|roll back|fallback|safeguard|mitigat\w*)\b/i),
  },
  {
    when: /\b(?:disagree\w*|push(?:ed)? back|challeng\w*|raised (?:it|concerns?))\b/i,
    detect: (a) => find(PRINCIPLE_CUES['Have Backbone; Disagree and Commit'])(a, EMPTY),
  },
  {
    when: /\b(?:commit\w*|backed|supported the decision|went along)\b/i,
    detect: find(
      /\b(?:committed|commit|backed (?:the|it|her|his|their)|supported (?:the|it)|went with (?:the|their|her|his)|fully behind|made it work|gave it my best)\b/i,
    ),
  },
  { when: /\bcustomers?\b|\busers?\b/i, detect: (a) => find(PRINCIPLE_CUES['Customer Obsession'])(a, EMPTY) },
  {
    when: /\b(?:learn(?:ed|ing)? (?:a|the) new|new (?:service|technology|tool)|quickly learn)/i,
    detect: (a) => find(PRINCIPLE_CUES['Learn and Be Curious'])(a, EMPTY),
  },
  {
    when: /\b(?:mentor|coach|develop(?:ed|ing)? (?:others|people|the team)|hire)\w*/i,
    detect: (a) => find(PRINCIPLE_CUES['Hire and Develop the Best'])(a, EMPTY),
  },
  { when: /\b(?:simplif|automat)\w*/i, detect: (a) => find(PRINCIPLE_CUES['Invent and Simplify'])(a, EMPTY) },
  { when: /\b(?:root cause|dive|deep|dig)\w*/i, detect: (a) => find(PRINCIPLE_CUES['Dive Deep'])(a, EMPTY) },
  { when: /\b(?:cost|budget|frugal|cheap)\w*/i, detect: (a) => find(PRINCIPLE_CUES.Frugality)(a, EMPTY) },
  { when: /\b(?:trust|mistake|apolog|transparen|honest)\w*/i, detect: (a) => find(PRINCIPLE_CUES['Earn Trust'])(a, EMPTY) },
  { when: /\b(?:quick|fast|speed|urgen|without waiting|incomplete)\w*/i, detect: (a) => find(PRINCIPLE_CUES['Bias for Action'])(a, EMPTY) },
  { when: /\b(?:standard|quality|bar)\w*/i, detect: (a) => find(PRINCIPLE_CUES['Insist on the Highest Standards'])(a, EMPTY) },
];

const EMPTY: Structure = { framework: 'STAR', parts: [] };

/** Credit a quality point earns: the share of its qualities the answer shows (0–1), with evidence. */
export function judgeQualityPoint(point: string, answer: AnalysedText, structure: Structure): { strength: number; evidence: Sentence[] } {
  const wanted = QUALITY_DETECTORS.filter((d) => d.when.test(point));
  if (wanted.length === 0) return { strength: 0, evidence: [] };
  const shown = wanted.map((d) => d.detect(answer, structure)).filter((s): s is Sentence => s !== null);
  const evidence = [...new Map(shown.map((s) => [s.index, s])).values()].sort((a, b) => a.index - b.index).slice(0, 2);
  return { strength: shown.length / wanted.length, evidence };
}
