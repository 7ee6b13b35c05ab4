/** Skill names for sentences: a small table of its own, so the web app can import it without the cue patterns. */
/** How a person names each skill in a sentence (the JSON keeps the short ids above). */
export const SKILL_NAMES: Record<string, string> = {
  networking: 'networking',
  security: 'security',
  serverless: 'serverless',
  containers: 'containers',
  databases: 'databases',
  iac: 'infrastructure as code',
  'ci-cd': 'CI/CD',
  observability: 'observability',
  cost: 'cost',
  'data-pipelines': 'data pipelines',
  ml: 'machine learning',
  reliability: 'reliability',
  migration: 'migration',
  architecture: 'architecture',
};

/** A skill's name for a sentence; its id when it has none. */
export const skillName = (skill: string): string => SKILL_NAMES[skill] ?? skill;
