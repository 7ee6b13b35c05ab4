/** The kinds of interview question the engine knows how to judge. */
export const QUESTION_KINDS = ['concept', 'scenario', 'design', 'troubleshooting', 'experience', 'behavioral', 'code', 'iac'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const LEVELS = ['entry', 'mid', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

export const TOPICS = [
  'compute-serverless',
  'storage-databases',
  'networking-security',
  'architecture-devops',
  'cost-finops',
  'troubleshooting',
  'behavioral',
] as const;
export type Topic = (typeof TOPICS)[number];

/** The fixed vocabulary of habit findings: a public contract, never renamed. */
export const FINDING_CODES = [
  'definition-only',
  'buzzwords',
  'service-dump',
  'unqualified-hedge',
  'no-tradeoff',
  'vague-action',
  'no-metrics',
  'no-ownership',
  'filler-opening',
  'too-short',
  'too-long',
  'off-topic',
  'misconception',
  'keyword-list',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Amazon's 16 Leadership Principles, by their published names. */
export const LEADERSHIP_PRINCIPLES = [
  'Customer Obsession',
  'Ownership',
  'Invent and Simplify',
  'Are Right, A Lot',
  'Learn and Be Curious',
  'Hire and Develop the Best',
  'Insist on the Highest Standards',
  'Think Big',
  'Bias for Action',
  'Frugality',
  'Earn Trust',
  'Dive Deep',
  'Have Backbone; Disagree and Commit',
  'Deliver Results',
  "Strive to be Earth's Best Employer",
  'Success and Scale Bring Broad Responsibility',
] as const;
export type LeadershipPrinciple = (typeof LEADERSHIP_PRINCIPLES)[number];

/** A wrong or weak answer a question expects, and what the engine raises when it hears it. */
export interface Pitfall {
  /** The wrong claim as a candidate would say it, e.g. "Security groups are stateless." */
  claim: string;
  /** Why it is wrong, shown to the user when the pitfall is detected. */
  correction: string;
  /** The same wrong claim in other words. */
  accept?: string[];
}

/** What makes a follow-up question fire after an answer. */
export type FollowUpTrigger =
  | { missed: number } // 1-based rubric point index left uncovered
  | { finding: FindingCode } // a habit finding raised
  | { service: string }; // a service named without saying why

export interface FollowUp {
  prompt: string;
  when: FollowUpTrigger;
  /** What a good answer to the follow-up itself says (1–3 points). */
  rubric?: string[];
}

/** The engine's view of a question: everything optional but the prompt (the kind is guessed from it when absent). */
export interface Question {
  id?: string;
  prompt: string;
  kind?: QuestionKind;
  /** Text the question follows on from (a follow-up's parent question): its subject is on topic too. */
  context?: string;
  level?: Level;
  /** Plain-English points a strong answer covers. With none, points come from the model answer. */
  rubric?: string[];
  /** Other phrasings of each rubric point, parallel to `rubric` (an empty list where none). */
  accept?: string[][];
  modelAnswer?: string;
  pitfalls?: Pitfall[];
  followUps?: FollowUp[];
  services?: string[];
  leadershipPrinciples?: LeadershipPrinciple[];
}

export interface RubricResult {
  point: string;
  covered: boolean;
  /** 0–1: how fully the best answer passage expresses the point. */
  strength: number;
  /** The verbatim answer sentence(s) that covered the point, or null. */
  evidence: string | null;
}

export type CctrPart = 'context' | 'choice' | 'tradeoff' | 'result';
export type StarPart = 'situation' | 'task' | 'action' | 'result';

export interface StructurePart {
  part: CctrPart | StarPart;
  present: boolean;
  evidence: string | null;
}

export interface Structure {
  framework: 'CCTR' | 'STAR';
  parts: StructurePart[];
}

export interface Finding {
  code: FindingCode;
  message: string;
  /** The answer text that shows the habit, or null when the finding is about an absence. */
  evidence: string | null;
}

export interface PrincipleEvidence {
  principle: LeadershipPrinciple;
  evidence: string;
}

/** The engine's judgement of one answer. Field names are a public contract. */
export interface Feedback {
  score: number;
  rubric: RubricResult[];
  structure: Structure;
  findings: Finding[];
  services: string[];
  leadershipPrinciples: PrincipleEvidence[];
  tips: string[];
}
