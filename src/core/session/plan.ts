import type { Level, QuestionKind, Topic } from '../types.js';

export const ROLES = ['solutions-architect', 'cloud-devops-engineer', 'backend-developer', 'data-engineer', 'sre'] as const;
export type Role = (typeof ROLES)[number];

/** How much each topic weighs in a role's interview loop (unlisted topics weigh 0.5). */
export const ROLE_TOPIC_WEIGHTS: Record<Role, Partial<Record<Topic, number>>> = {
  'solutions-architect': { 'architecture-devops': 3, 'networking-security': 2, 'storage-databases': 2, 'cost-finops': 2, 'compute-serverless': 2 },
  'cloud-devops-engineer': { 'architecture-devops': 3, 'compute-serverless': 2, 'networking-security': 2, troubleshooting: 2 },
  'backend-developer': { 'compute-serverless': 3, 'storage-databases': 3, 'architecture-devops': 1 },
  'data-engineer': { 'storage-databases': 3, 'compute-serverless': 2, 'cost-finops': 1 },
  sre: { troubleshooting: 3, 'architecture-devops': 2, 'networking-security': 2, 'compute-serverless': 1 },
};

/** A score at or above this means the question was mastered. */
export const MASTERED_AT = 85;
/** A topic whose recent mean is below this comes back sooner. */
export const WEAK_BELOW = 60;

export interface PlannableQuestion {
  id: string;
  topic: Topic;
  levels: readonly Level[];
  kind: QuestionKind;
}

export interface PastScore {
  questionId: string;
  topic: Topic;
  score: number;
}

export interface PlanInput {
  role: Role;
  level: Level;
  topics: readonly Topic[];
  count: number;
  /** Share (0–1) of behavioural questions. */
  mix: number;
  /** Recent main-question scores, oldest first. */
  history: readonly PastScore[];
  seed: string;
}

/** True for questions answered with a story (STAR) rather than a technical explanation. */
export function isBehavioural(q: Pick<PlannableQuestion, 'topic' | 'kind'>): boolean {
  return q.topic === 'behavioral' || q.kind === 'behavioral' || q.kind === 'experience';
}

/** A deterministic 0–1 generator from a seed (mulberry32 over an FNV-1a hash). */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Spaced re-practice, in the spirit of Leitner boxes: a topic whose recent mean is weak weighs
 * double, a mastered one half, so weak topics come back sooner and mastered ones later.
 */
export function topicWeight(role: Role, topic: Topic, history: readonly PastScore[]): number {
  const base = ROLE_TOPIC_WEIGHTS[role][topic] ?? 0.5;
  const recent = history.filter((h) => h.topic === topic).slice(-5);
  if (recent.length === 0) return base;
  const mean = recent.reduce((n, h) => n + h.score, 0) / recent.length;
  if (mean < WEAK_BELOW) return base * 2;
  if (mean >= MASTERED_AT) return base * 0.5;
  return base;
}

/** Weighted sampling without replacement. */
function sample<T>(items: readonly T[], weight: (item: T) => number, n: number, random: () => number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < n && pool.length > 0) {
    const total = pool.reduce((s, q) => s + weight(q), 0);
    let r = random() * total;
    let index = pool.findIndex((q) => (r -= weight(q)) < 0);
    if (index < 0) index = pool.length - 1;
    picked.push(pool.splice(index, 1)[0]!);
  }
  return picked;
}

/** Picks the question ids of a session: level and topic filter, recently mastered ones held back, weak topics weighted up. */
export function planQuestions(questions: readonly PlannableQuestion[], input: PlanInput): string[] {
  const mastered = new Set(input.history.filter((h) => h.score >= MASTERED_AT).map((h) => h.questionId));
  const eligible = questions.filter((q) => q.levels.includes(input.level) && (input.topics.length === 0 || input.topics.includes(q.topic)));
  const fresh = eligible.filter((q) => !mastered.has(q.id));
  // Mastered questions only fill in when there are not enough others.
  const pool = fresh.length >= input.count ? fresh : [...fresh, ...eligible.filter((q) => mastered.has(q.id))];
  const random = seededRandom(input.seed);
  const weight = (q: PlannableQuestion) => topicWeight(input.role, q.topic, input.history);
  const wantBehavioural = Math.round(input.count * Math.min(1, Math.max(0, input.mix)));
  const behavioural = sample(pool.filter(isBehavioural), weight, wantBehavioural, random);
  const technical = sample(
    pool.filter((q) => !isBehavioural(q)),
    weight,
    input.count - behavioural.length,
    random,
  );
  const topUp = sample(
    pool.filter((q) => !behavioural.includes(q) && !technical.includes(q)),
    weight,
    input.count - behavioural.length - technical.length,
    random,
  );
  return [...technical, ...behavioural, ...topUp].map((q) => q.id);
}

/** An exercise as planning sees it. */
export interface PlannableExercise {
  id: string;
  kind: 'iam-policy' | 'cloudformation' | 'vpc-reachability' | 'lambda-python';
  topic: Topic;
  levels: readonly Level[];
}

/**
 * The hands-on exercise kinds each role's loop asks candidates to write, most typical first:
 * an architect writes policies and networks, a DevOps engineer templates, a backend developer a
 * handler and its role, a data engineer a pipeline's handler and its access, an SRE debugs reachability.
 */
export const ROLE_EXERCISE_KINDS: Record<Role, ReadonlyArray<PlannableExercise['kind']>> = {
  'solutions-architect': ['vpc-reachability', 'iam-policy', 'cloudformation'],
  'cloud-devops-engineer': ['cloudformation', 'iam-policy', 'vpc-reachability'],
  'backend-developer': ['lambda-python', 'iam-policy'],
  'data-engineer': ['lambda-python', 'iam-policy'],
  sre: ['vpc-reachability', 'cloudformation'],
};

/**
 * The one exercise a mock interview includes, when the role fits: of the role's kinds, at the
 * level and in the chosen topics (any topic when none is chosen), one not passed lately (exercises
 * whose last attempt passed only when nothing else is left); seeded, so a plan is reproducible.
 * Undefined when no exercise fits.
 */
export function pickExercise(
  exercises: readonly PlannableExercise[],
  input: { role: Role; level: Level; topics: readonly Topic[]; passed: ReadonlySet<string>; seed: string },
): string | undefined {
  const kinds = ROLE_EXERCISE_KINDS[input.role];
  const fits = exercises.filter(
    (e) => kinds.includes(e.kind) && e.levels.includes(input.level) && (input.topics.length === 0 || input.topics.includes(e.topic)),
  );
  const fresh = fits.filter((e) => !input.passed.has(e.id));
  const pool = fresh.length > 0 ? fresh : fits;
  if (pool.length === 0) return undefined;
  const random = seededRandom(`${input.seed}/exercise`);
  return sample(pool, (e) => kinds.length - kinds.indexOf(e.kind), 1, random)[0]?.id;
}
