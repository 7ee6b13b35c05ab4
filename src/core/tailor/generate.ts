import type { Level, Question } from '../types.js';
import type { ClaimedNumber } from './resume.js';
import { SERVICE_FACTS, type ServiceFacts } from './service-facts.js';

export const TEMPLATES = ['concept', 'scenario', 'troubleshooting'] as const;
export type Template = (typeof TEMPLATES)[number];

/** A generated question: always has an id. */
export type GeneratedQuestion = Question & { id: string };

/** Facts for a canonical service name, found through the catalogue's resolver. */
export function factsFor(service: string, resolve: (alias: string) => string | null): { slug: string; facts: ServiceFacts } | null {
  for (const [alias, facts] of Object.entries(SERVICE_FACTS)) {
    if (resolve(alias) === service) return { slug: alias.replace(/^aws /, '').replace(/\s+/g, '-'), facts };
  }
  return null;
}

/** The template that fits a level: concepts for entry, scenarios above, troubleshooting for on-call roles. */
export function templateFor(level: Level, isOnCall: boolean): Template {
  if (isOnCall) return 'troubleshooting';
  return level === 'entry' ? 'concept' : 'scenario';
}

/** Writes a question about one service from its curated facts. */
export function generateServiceQuestion(service: string, slug: string, facts: ServiceFacts, template: Template, level: Level): GeneratedQuestion {
  const base = { id: `gen-${slug}-${template}`, level, services: [service] };
  switch (template) {
    case 'concept':
      return {
        ...base,
        kind: 'concept',
        prompt: `What is ${facts.short}, and when would you choose it over the alternatives?`,
        rubric: facts.points.slice(0, 4),
      };
    case 'scenario':
      return {
        ...base,
        kind: 'scenario',
        prompt: `You are asked to use ${facts.short} for ${facts.useCase}. How would you design it, and which trade-offs would you explain to the team?`,
        rubric: [...facts.points.slice(0, 3), `Names a limit or trade-off of ${facts.short} for this use and an alternative worth considering.`],
      };
    case 'troubleshooting':
      return {
        ...base,
        kind: 'troubleshooting',
        prompt: `${facts.symptom}. How do you find the cause, and what do you change?`,
        rubric: facts.checks.slice(0, 4),
      };
    default: {
      const _never: never = template;
      return _never;
    }
  }
}

/** A short, stable slug for an id. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
}

/** A personal question from a number a résumé claims, with follow-ups that probe the number. */
export function generateClaimQuestion(claim: ClaimedNumber, index: number): GeneratedQuestion {
  const sentence = claim.sentence.replace(/[.;]+$/, '');
  return {
    id: `gen-resume-${index + 1}-${slugify(claim.figure)}`,
    kind: 'experience',
    services: claim.services,
    prompt: `Your résumé says: "${sentence}". Walk me through it: what was the situation, what did you do yourself, and how did you choose that approach?`,
    rubric: [
      'Sets the context: the system, the problem and why it mattered.',
      'Explains the choice they made and at least one alternative they rejected.',
      `Says how ${claim.figure} was measured: the baseline, the period and the tool.`,
      'Says what they personally did, as opposed to the team.',
    ],
    followUps: [
      { prompt: `How exactly did you measure ${claim.figure}? What was the baseline, and over what period?`, when: { missed: 3 } },
      { prompt: 'What would have happened if you had not done it, and what did it cost to do?', when: { finding: 'no-tradeoff' } },
      { prompt: 'Which part of that was your own work?', when: { finding: 'no-ownership' } },
    ],
  };
}
