/** Human names for the slugs the API speaks (roles, topics, levels, kinds, habits): people read these. */
import type { Role } from '../../src/core/session/plan';
import type { FindingCode, Level, QuestionKind, Topic } from '../../src/core/types';
import { TOPIC_NAMES } from '../../src/core/topics';

export const ROLE_LABELS: Record<Role, string> = {
  'solutions-architect': 'Solutions architect',
  'cloud-devops-engineer': 'Cloud / DevOps engineer',
  'backend-developer': 'Back-end developer',
  'data-engineer': 'Data engineer',
  sre: 'Site reliability engineer',
};

/** One table of topic names, shared with the core's sentences. */
export const TOPIC_LABELS: Record<Topic, string> = TOPIC_NAMES;

export const LEVEL_LABELS: Record<Level, string> = { entry: 'Entry level', mid: 'Mid level', senior: 'Senior' };

export const KIND_LABELS: Record<QuestionKind, string> = {
  concept: 'Concept',
  scenario: 'Scenario',
  design: 'System design',
  troubleshooting: 'Troubleshooting',
  experience: 'Your experience',
  behavioral: 'Behavioural',
  code: 'Code',
  iac: 'Infrastructure as code',
};

export const FINDING_LABELS: Record<FindingCode, string> = {
  'definition-only': 'Definition instead of a decision',
  buzzwords: 'Buzzwords',
  'service-dump': 'Services named without a reason',
  'unqualified-hedge': '"It depends" without saying on what',
  'no-tradeoff': 'No downside named',
  'vague-action': 'Vague actions',
  'no-metrics': 'No numbers',
  'no-ownership': 'No ownership ("we", never "I")',
  'filler-opening': 'Filler opening',
  'too-short': 'Too short',
  'too-long': 'Too long',
  'off-topic': 'Off topic',
  misconception: 'A wrong claim',
  'keyword-list': 'A list of terms, not an answer',
};

/** The parts of an answer's shape (CCTR for technical answers, STAR for stories). */
export const PART_LABELS: Record<string, string> = {
  context: 'context',
  choice: 'choice',
  tradeoff: 'trade-off',
  result: 'result',
  situation: 'situation',
  task: 'task',
  action: 'action',
};

/** The label of a slug from one of the tables above, or the slug itself when it is unknown (a newer server). */
export function labelOf<K extends string>(table: Record<K, string>, slug: string): string {
  return (table as Record<string, string>)[slug] ?? slug;
}
