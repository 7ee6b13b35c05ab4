import type { LeadershipPrinciple } from '../types.js';

/** The roles a posting can be for. */
export const ROLES = ['solutions-architect', 'cloud-devops-engineer', 'backend-developer', 'data-engineer', 'sre'] as const;
export type Role = (typeof ROLES)[number];

/** Title cues weigh 3, duty cues weigh 1: a title says more about the role than one duty line. */
export const ROLE_CUES: Record<Role, { title: RegExp; duties: RegExp }> = {
  'solutions-architect': {
    title: /\b(solutions?|cloud|enterprise|technical)\s+architect/i,
    duties: /\b(architect(ure)?s?|pre-?sales|customer workshops?|well-architected|reference architectures?|stakeholders?|design reviews?)\b/gi,
  },
  'cloud-devops-engineer': {
    title: /\b(devops|cloud|platform|infrastructure)\s+(engineer|developer|specialist|administrator)/i,
    duties: /\b(ci\/cd|pipelines?|terraform|cloudformation|cdk|infrastructure as code|automation|provisioning|deployments?)\b/gi,
  },
  'backend-developer': {
    title: /\b(back-?end|software|api|application)\s+(engineer|developer)/i,
    duties: /\b(apis?|microservices?|rest(ful)?|graphql|code reviews?|unit tests?|typescript|java|python|go(lang)?|node\.?js)\b/gi,
  },
  'data-engineer': {
    title: /\b(data|analytics|etl|big data)\s+(engineer|developer)/i,
    duties: /\b(etl|elt|data pipelines?|data lakes?|warehouse|spark|airflow|batch|streaming|schemas?|parquet)\b/gi,
  },
  sre: {
    title: /\b(site reliability|sre|reliability|production)\s+engineer|\bSRE\b/i,
    duties: /\b(slos?|slis?|error budgets?|on-?call|incidents?|postmortems?|reliability|availability|toil)\b/gi,
  },
};

/** Skills a posting asks for and a résumé shows, each with the words that name it. */
export const SKILL_CUES: Record<string, RegExp> = {
  networking: /\b(networking|vpcs?|subnets?|routing|dns|load balanc\w*|cidr|transit gateway|direct connect|vpn)\b/i,
  security: /\b(security|iam|least privilege|encryption|kms|compliance|soc ?2|pci|waf|guardduty|zero trust)\b/i,
  serverless: /\b(serverless|lambda|step functions|api gateway|eventbridge)\b/i,
  containers: /\b(containers?|docker|kubernetes|k8s|ecs|eks|fargate|helm)\b/i,
  databases: /\b(databases?|sql|postgres\w*|mysql|dynamodb|rds|aurora|nosql|data modell?ing)\b/i,
  iac: /\b(infrastructure as code|iac|terraform|cloudformation|cdk|pulumi)\b/i,
  // "pipelines" alone is not CI/CD (data pipelines are data-pipelines): only build, deploy and release ones are.
  'ci-cd':
    /\b(ci\/cd|continuous (integration|delivery|deployment)|(ci|cd|build|deploy(ment)?|release|delivery) pipelines?|github actions|jenkins|codepipeline|codebuild|codedeploy|gitlab ci)\b/i,
  observability: /\b(observability|monitoring|logging|tracing|cloudwatch|x-ray|prometheus|grafana|datadog|opentelemetry|alert\w*)\b/i,
  // A bill cut or money saved shows cost work as plainly as the word "cost" does.
  cost: /\b(costs?|finops|savings plans?|reserved instances?|budgets?|spend(ing)?|frugal\w*|bills?|saved \$|savings|cheaper)\b/i,
  'data-pipelines': /\b(etl|elt|data pipelines?|glue|kinesis|spark|airflow|kafka|data lakes?|streaming|batch processing)\b/i,
  ml: /\b(machine learning|ml|sagemaker|models? training|mlops|bedrock|generative ai|llms?)\b/i,
  reliability: /\b(reliability|high availability|disaster recovery|slos?|error budgets?|incident\w*|resilien\w*|failover)\b/i,
  migration: /\b(migrat\w+|lift and shift|re-?platform\w*|on-?prem\w*)\b/i,
  architecture: /\b(architect\w*|system design|distributed systems?|well-architected|scalab\w+)\b/i,
};

export { SKILL_NAMES, skillName } from './skill-names.js';

/** Phrases that show a posting values a Leadership Principle. */
export const PRINCIPLE_CUES: Array<[LeadershipPrinciple, RegExp]> = [
  ['Customer Obsession', /\bcustomers?\b|\bclient needs\b/i],
  ['Ownership', /\bownership\b|\bown(s)? (the|end-to-end|services?)\b|\bend-to-end\b|\baccountab\w+/i],
  ['Invent and Simplify', /\binnovat\w+|\bsimplif\w+|\binvent\w*/i],
  ['Are Right, A Lot', /\bsound judge?ment\b|\bgood judge?ment\b|\bdecision-making\b/i],
  ['Learn and Be Curious', /\bcurious\b|\bcuriosity\b|\beager to learn\b|\blearn\w* new\b|\bgrowth mindset\b/i],
  ['Hire and Develop the Best', /\bmentor\w*|\bcoach\w*|\bhiring\b|\binterview\w*|\bdevelop (the )?team\b/i],
  ['Insist on the Highest Standards', /\bhigh(est)? standards?\b|\bquality bar\b|\bcraftsmanship\b|\bbest practices\b/i],
  ['Think Big', /\bthink big\b|\bvision\b|\blong-term strategy\b|\bbold\b/i],
  ['Bias for Action', /\bbias for action\b|\bfast-paced\b|\bmove fast\b|\bsense of urgency\b|\bship quickly\b/i],
  ['Frugality', /\bfrugal\w*|\bcost-(effective|conscious|efficient)\b|\bcost optimi[sz]ation\b/i],
  ['Earn Trust', /\btrust\b|\btransparen\w+|\bcandid\b/i],
  ['Dive Deep', /\bdive deep\b|\bdeep dives?\b|\broot cause\b|\btroubleshoot\w*|\bdebug\w*/i],
  ['Have Backbone; Disagree and Commit', /\bdisagree and commit\b|\bchallenge (decisions|assumptions)\b|\bbackbone\b/i],
  ['Deliver Results', /\bdeliver\w* results\b|\bresults-driven\b|\bon time\b|\bdeadlines?\b|\bimpact\b/i],
  ["Strive to be Earth's Best Employer", /\binclusive\b|\bpsychological safety\b|\bwell-?being\b/i],
  ['Success and Scale Bring Broad Responsibility', /\bsustainab\w+|\bprivacy\b|\baccessib\w+|\bresponsible ai\b/i],
];

/** Common English function words: a posting with few of them is probably in another language. */
export const ENGLISH_STOPWORDS = new Set(
  'the a an and or of to in for on with as at by from is are be will you your we our this that it its have has who what which can'.split(' '),
);

/** Verbs that open a responsibility line. */
export const DUTY_VERB =
  /^(design|build|own|lead|develop|deploy|operate|maintain|manage|automate|implement|monitor|support|improve|work|collaborate|partner|drive|mentor|create|write|migrate|optimi[sz]e|troubleshoot|define|run|help|ensure|review|architect|deliver|participate|establish)\w*\b/i;
