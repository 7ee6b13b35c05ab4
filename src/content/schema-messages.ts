import type { z } from 'zod';

/** How a person names each field of a question, and one item of a list field. */
const FIELDS: Record<string, { name: string; item?: string }> = {
  id: { name: 'an id' },
  topic: { name: 'a topic' },
  levels: { name: 'at least one level', item: 'level' },
  kind: { name: 'a kind' },
  prompt: { name: 'a prompt' },
  rubric: { name: 'rubric points', item: 'rubric point' },
  modelAnswer: { name: 'a model answer' },
  pitfalls: { name: 'pitfalls', item: 'pitfall' },
  followUps: { name: 'follow-ups', item: 'follow-up' },
  services: { name: 'services', item: 'service' },
  leadershipPrinciples: { name: 'Leadership Principles', item: 'Leadership Principle' },
  tags: { name: 'tags', item: 'tag' },
  references: { name: 'references', item: 'reference' },
  claim: { name: 'a claim' },
  correction: { name: 'a correction' },
  when: { name: 'a "when" (missed: <point number> or finding: <code>)' },
};

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const count = (n: number, item: string) => `${NUMBERS[n] ?? n} ${item}${n === 1 ? '' : 's'}`;

/** "Pitfall 2" for ['pitfalls', 1], "The question" for []: who the message is about. */
function subject(path: readonly PropertyKey[]): { who: string; field: string | undefined } {
  const [first, index, ...rest] = path.map(String);
  if (index !== undefined && /^\d+$/.test(index) && FIELDS[first!]?.item) {
    const item = FIELDS[first!]!.item!;
    return { who: `${item[0]!.toUpperCase()}${item.slice(1)} ${Number(index) + 1}`, field: rest[0] };
  }
  return { who: 'A question', field: first };
}

/**
 * One schema problem of a question, said as a person would ("A question needs at least three
 * rubric points") instead of as a validator would ("Too small: expected array to have >=3 items").
 */
export function describeQuestionIssue(issue: z.core.$ZodIssue): string {
  const { who, field } = subject(issue.path);
  const known = field ? FIELDS[field] : undefined;
  const label = field ? `\`${field}\`` : 'it';
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' && known?.item) return `${who} needs at least ${count(Number(issue.minimum), known.item)}.`;
      if (issue.origin === 'string') return `${who} needs ${known?.name ?? label}: ${label} is empty.`;
      break;
    case 'too_big':
      if (issue.origin === 'array' && known?.item) return `${who} has at most ${count(Number(issue.maximum), known.item)}.`;
      break;
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return `${who} needs ${known?.name ?? label} (the ${label} field).`;
      return `${who}'s ${label} should be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}.`;
    case 'invalid_value':
      return `${who}'s ${label} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `${who} has ${issue.keys.map((k) => `\`${k}\``).join(', ')}, which ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} of a question (check the spelling).`;
    case 'custom':
      return who === 'A question' ? `${issue.message[0]!.toUpperCase()}${issue.message.slice(1)}.` : `${who} ${issue.message}.`;
    default:
      break;
  }
  return `${who}: ${issue.path.join('.') || 'the question'}: ${issue.message}.`;
}
