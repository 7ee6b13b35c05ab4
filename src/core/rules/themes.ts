import type { Sentence } from '../text.js';
import { compileCues, cuesSaid, hasCue, type CueMatcher, type CuePhrases } from './cues.js';

/**
 * The themes a prompt can ask about ("Tell me about a time you improved the reliability of a
 * system") and the words that show each theme in an answer that never names it (outages,
 * failover, retries, alarms). A question with only a prompt is answered by meaning, not by
 * repeating its words: a story about reliability rarely says "reliability".
 *
 * `namedBy`: phrases that, said in a prompt, make it ask about the theme. `shownBy`: phrases
 * that show the theme in an answer; each entry is one piece of evidence (its alternatives are
 * forms or near-synonyms of one idea), so an answer shows a theme by several different entries.
 * Phrase syntax: src/core/rules/cues.ts. Our own writing, kept to words specific to the theme:
 * everyday words ("team", "change", "system") show nothing.
 */
export interface ThemeRule {
  theme: string;
  namedBy: CuePhrases;
  shownBy: CuePhrases;
}

export const THEMES: readonly ThemeRule[] = [
  {
    theme: 'reliability',
    namedBy: [
      'reliability|reliable|unreliable|resilience|resilient|robust|robustness|stability|stable|unstable|uptime|downtime|outage|flaky',
      'highly|high available|availability',
      'fault tolerance|tolerant',
      'disaster recovery',
      'game day',
      'chaos',
      'failure test|testing|injection|drill|scenario|mode',
      'fault injection',
      'fail_over|failover',
    ],
    shownBy: [
      'outage|downtime|uptime',
      'availability|nines',
      'failover|fail_over|failed_over',
      'redundancy|redundant|multi_az|multi_region|standby|replica',
      'retry|backoff|jitter|idempotent|idempotency',
      'alarm|alert|alerting|page|paged|pager',
      'incident|sev|postmortem|post_mortem',
      'sla|slo|error_budget',
      'error_rate|errors|5xx',
      'health_check|healthcheck',
      'recover|recovery|restore|backup|rto|rpo',
      'chaos|game_day|fault_injection',
      'timeout|circuit_breaker|bulkhead|throttle|throttling',
      'crash|degrade|degraded|degradation|fault|failure',
      'rollback|roll_back|canary|blue_green',
      'runbook|on_call|mttr',
      'reliability|reliable|resilience|resilient|stable|stability',
    ],
  },
  {
    theme: 'incident',
    namedBy: ['incident|outage|firefight|crisis|emergency|sev|war_room', 'production issue|problem|bug|failure', 'on call', 'went|go down', 'something broke'],
    shownBy: [
      'incident|sev|severity',
      'outage|downtime',
      'on_call|paged|page|pager',
      'alarm|alert',
      'postmortem|post_mortem|retrospective|retro',
      'root cause',
      'mitigate|mitigation|workaround|hotfix',
      'rollback|roll_back|revert',
      'customer_impact|impact',
      'status_page|update',
      'escalate|escalation',
      'restore|recover|recovery|back_to_normal',
      'triage|diagnose',
      'error_rate|errors|5xx',
      'incident_channel|bridge|war_room|call',
    ],
  },
  {
    theme: 'disagreement',
    namedBy: [
      'disagree|disagreement|conflict|dispute|argument|argue|friction|tension',
      'push_back|pushback',
      'challenge|challenged a|the|your|someone',
      'difficult|hard colleague|coworker|stakeholder|person|manager|teammate',
      'convince|persuade|influence',
      'different opinion|opinions|view|views|approach|idea|ideas',
      'not agree',
      'said no',
      'see|saw|seeing eye to eye',
      'on the same page',
    ],
    shownBy: [
      'disagree|disagreement',
      'push_back|pushback',
      'concern|concerns|objection|object|worried|worry',
      'argue|argument|debate',
      'convince|persuade|change_their_mind|change_his_mind|change_her_mind',
      'compromise|middle_ground',
      'consensus|alignment|align|agree|agreed',
      'perspective|point_of_view|viewpoint|opinion|view',
      'commit|committed|disagree_and_commit',
      'tension|conflict|friction',
      'proposal|propose|alternative|option',
      'data|evidence|benchmark|prototype|proof',
      'one_on_one|conversation|sit_down|talk',
    ],
  },
  {
    theme: 'mistake',
    namedBy: [
      'mistake|blunder|regret|misjudge|misjudged|misstep|screw_up',
      'fail|failed|failure !test|testing|injection|drill|scenario|mode',
      'went|go wrong',
      'got it|something|things wrong',
      'were|was wrong',
      'bad call|decision',
      'made an error',
      'cause|caused|causing a|an problem|issue|outage|incident|bug|regression|trouble',
      'break|broke|broken production|prod|the_build|something|things',
      'let down',
      'drop|dropped the ball',
    ],
    shownBy: [
      'mistake|error|blunder',
      'my_fault|i_was_wrong',
      'wrong',
      'blame|blameless',
      'own_up|owned_up|took_responsibility|accountable|accountability',
      'apologise|apologize|apology|apologised|apologized|sorry',
      'admit',
      'lesson|learned|learnt|learn',
      'hindsight|looking_back|in_retrospect',
      'overlook|oversight|forgot|forget|missed|skip|skipped',
      'broke|break|caused|cause',
      'should_have|should_not_have',
      'since_then|ever_since|from_then_on|never_again',
      'postmortem|post_mortem|retrospective|retro',
    ],
  },
  {
    theme: 'deadline',
    namedBy: [
      'deadline|crunch|urgent|urgency',
      'tight deadline|timeline|schedule|timeframe',
      'time pressure',
      'under pressure',
      'short notice',
      'last minute',
      'on time',
      'limited time',
      'deliver|ship quickly|fast|fast',
      'ran out of time',
      'miss|missed a|the deadline|date',
    ],
    shownBy: [
      'deadline|due|due_date',
      'launch|ship|shipped|go_live|went_live|release',
      'on_time|ahead_of_schedule|early|late|delay|slip',
      'scope|descope|cut_scope|mvp',
      'must_have|nice_to_have',
      'prioritise|prioritize|priority|priorities',
      'timeline|schedule|plan|milestone',
      'trade_off|tradeoff',
      'crunch|overtime|weekend',
      'regulation|regulatory|contract|commitment',
    ],
  },
  {
    theme: 'cost',
    namedBy: [
      'cost|costs|spend|spending|bill|billing|budget|expensive|cheap|cheaper|frugal|frugality|money|finops|waste',
      'save|saved|saving|savings money|cost',
    ],
    shownBy: [
      'cost|costs',
      'bill|billing|invoice',
      'spend|spending|spent',
      'budget',
      'dollar|dollars|usd|eur|pound',
      'saving|savings|save|saved',
      'cheap|cheaper|expensive',
      'price|pricing',
      'reserved_instance|savings_plan|spot',
      'rightsize|rightsizing|right_size|right_sizing|oversized|overprovisioned|idle|unused|orphaned',
      'cost_explorer|cur',
      'lifecycle|glacier|intelligent_tiering|infrequent_access',
      'graviton|arm',
      'per_month|per_year|monthly|annually',
      'waste|wasted|frugal',
    ],
  },
  {
    theme: 'mentoring',
    namedBy: [
      'mentor|mentoring|mentee|coach|coaching|teach|taught|junior|intern|apprentice',
      'new hire|joiner|engineer|starter',
      'onboard|onboarding',
      'develop|grow|helped someone|others|a_colleague|a_teammate|people',
      'help someone|a_colleague|a_teammate improve|grow|learn',
    ],
    shownBy: [
      'mentor|mentee|mentoring|mentored',
      'coach|coaching|coached',
      'junior|intern|new_hire|graduate|grad',
      'teach|taught|explain|explained|walk_through',
      'pair|paired|pairing|pair_programming',
      'code_review|review',
      'feedback',
      'one_on_one|check_in',
      'grow|growth|career|promote|promoted|promotion',
      'confidence|confident|independent|independently|on_their_own',
      'shadow|shadowed|shadowing',
      'onboard|onboarding|ramp_up',
      'learn|learned|learning',
    ],
  },
  {
    theme: 'feedback',
    namedBy: [
      'feedback|criticism|critique|criticise|criticize|criticised|criticized',
      'performance review',
      'you were wrong',
      'constructive|critical|negative|difficult|hard|tough feedback|comment|comments|review',
    ],
    shownBy: [
      'feedback',
      'criticism|critique|criticise|criticize|critical',
      'review|reviewer|reviewers|360',
      'told_me|point_out',
      'stung|defensive|surprised|hard_to_hear|uncomfortable',
      'specific example|examples|asked_for_examples',
      'improve|improved|improvement|better',
      'rated|rating|score|scores',
      'manager|peer|peers|colleague|colleagues|lead',
      'blind_spot|habit',
      'since_then|from_then_on',
    ],
  },
  {
    theme: 'handover',
    namedBy: [
      'take|took|taken over',
      'inherit|inherited|inheriting',
      'handover|hand_over|handoff|hand_off|handed',
      'legacy',
      'from another team|group',
      'knowledge transfer',
      'transition a|the|ownership',
    ],
    shownBy: [
      'inherit|inherited',
      'handover|hand_over|handoff|hand_off|handed',
      'take_over',
      'knowledge transfer',
      'runbook|runbooks|documentation|document|documented|wiki',
      'shadow|shadowed|shadowing|reverse_shadow',
      'on_call|rotation|paged',
      'original|previous|former|old team|owner|owners|engineers',
      'legacy|undocumented|unknowns|unknown|tribal_knowledge',
      'ownership|owner|owned',
      'alarm|alarms|dashboard|dashboards|monitoring',
      'reassigned|left_the_company|moved_on',
    ],
  },
  {
    theme: 'changing requirements',
    namedBy: [
      'requirement|requirements|scope|spec|specification|priorities change|changed|changing|shifted',
      'change|changed|changing requirement|requirements|scope|plan|plans|direction|priorities',
      'pivot|pivoted',
      'adapt|adapted',
      'ambiguity|ambiguous|unclear|uncertain|uncertainty',
      'moving target',
      'late change|changes',
    ],
    shownBy: [
      'requirement|requirements',
      'scope|descope|rescope|scoped',
      'spec|specification',
      'redesign|rework|rethink|replan|re_plan',
      'pivot|pivoted|adapt|adapted',
      'legal|compliance|regulation|residency|customer_asked|client_asked',
      'product_manager|product_owner|stakeholder',
      'impact|option|options',
      'delay|late|timeline|estimate|replan',
      'assumption|assumptions|clarify|clarified|unclear|ambiguity',
      'trade_off|tradeoff|phase|phased|first_phase|launch_first',
    ],
  },
  {
    theme: 'collaboration',
    namedBy: [
      'time zone|zones',
      'timezone|timezones',
      'remote|distributed|offshore|cross_team|cross_functional|collaborate|collaboration|collaborating',
      'another|other|different|external|partner team|teams|organisation|organization|company|group|department',
      'work|worked|working with another|other|a_different|an_external|a_partner',
      'vendor|partner|contractor|agency|third_party',
    ],
    shownBy: [
      'time_zone|timezone',
      'overlap|overlapping|hours_apart|hour_difference',
      'async|asynchronous|written|writing|threads',
      'contract|api_contract|interface|openapi',
      'decision_log|document',
      'meeting|meetings|sync|standup|call|calls',
      'partner|vendor|counterpart|their_team|their_lead|other_team',
      'dependency|dependencies|blocked|blocker|blockers|waiting',
      'align|alignment|agree|agreed|agreement',
      'communicate|communication|update|updates',
      'mock|stub|contract_test|contract_tests',
      'handoff|hand_off|overnight|morning|evening',
    ],
  },
  {
    theme: 'escalation',
    namedBy: ['escalate|escalated|escalation', 'aws support', 'support case|ticket', 'vendor|supplier|provider|third_party'],
    shownBy: [
      'support|support_case|ticket|case',
      'escalate|escalated|escalation',
      'vendor|provider|supplier|third_party',
      'tam|technical_account_manager|account_manager|solutions_architect',
      'enterprise_support|business_support',
      'severity|sev|priority',
      'reproduce|reproduced|repro|reproduction',
      'logs|request_ids|request_id|trace|evidence|timeline',
      'workaround|work_around|mitigate|mitigation',
      'sla|contract|response_time',
      'fix|fixed|patch|patched|bug|known_issue',
    ],
  },
  {
    theme: 'estimation',
    namedBy: [
      'estimate|estimates|estimation|estimated|underestimate|underestimated|overestimate|overestimated|forecast',
      'took longer',
      'planning|plan wrong|badly',
    ],
    shownBy: [
      'estimate|estimated|estimation',
      'underestimate|underestimated|overestimate|overestimated|than_expected|longer_than_expected|took_longer',
      'forecast|reforecast|replan|re_plan',
      'timeline|schedule|milestone|milestones|plan|planned|planning',
      'late|slip|slipped|delay|delayed|overran|overrun',
      'scope|unknown|unknowns|risk|risks|complex|complexity',
      'buffer|contingency|padding',
      'told my|the manager|lead|stakeholders|product_manager',
      'break_down|breakdown',
      'spike|prototype|proof_of_concept',
      'since_then|from_then_on|lesson',
    ],
  },
  {
    theme: 'learning',
    namedBy: [
      'learn|learned|learnt|learning',
      'new technology|language|tool|framework|service|domain|stack',
      'unfamiliar|ramp_up|curious|curiosity',
      'outside your comfort|expertise|area',
      'never used|worked_with',
    ],
    shownBy: [
      'learn|learned|learnt|learning',
      'study|studied|course|book|tutorial|docs|documentation|workshop|certification',
      'practice|practised|practiced|exercise|exercises|kata',
      'experiment|prototype|sandbox|side_project|spike',
      'ramp_up|up_to_speed',
      'ask|asked|question|questions',
      'unfamiliar|new_to|never_used|first_time',
      'pair|paired|mentor|senior_engineer|expert',
      'shipped|first_ticket|first_change|contributed',
    ],
  },
  {
    theme: 'customer',
    namedBy: ['customer|customers|client|clients|end_user|end_users', 'user experience|need|needs|complaint|complaints'],
    shownBy: [
      'customer|customers|client|clients',
      'user|users|end_user',
      'feedback|complaint|complaints|request|requests|ticket|tickets',
      'nps|churn|retention|satisfaction|csat',
      'experience|usability|ux',
      'interview|survey|talked_to|spoke_to|called',
      'need|needs|pain|pain_point',
      'support',
      'adoption|adopted|usage',
    ],
  },
  {
    theme: 'security',
    namedBy: ['security|secure|insecure|vulnerability|vulnerabilities|breach|leak|leaked|exposed|attack|threat|compliance|audit|cve'],
    shownBy: [
      'security|secure',
      'vulnerability|vulnerabilities|cve|patch|patched',
      'breach|leak|leaked|exposed|exposure|public',
      'encrypt|encryption|kms|tls',
      'iam|least_privilege|permission|permissions|policy|policies|role|roles',
      'mfa|credential|credentials|secret|secrets|password|passwords|key|keys',
      'rotate|rotation|revoke|revoked',
      'audit|compliance|auditor|soc|pci|gdpr',
      'guardduty|security_hub|waf|shield|inspector|macie',
      'threat|attack|attacker|malicious',
      'access|unauthorised|unauthorized',
    ],
  },
  {
    theme: 'performance',
    namedBy: [
      'performance|slow|slower|latency|fast|faster|speed|speed_up|bottleneck|throughput|scale|scaling|scalability|load|traffic|optimise|optimize|optimised|optimized',
    ],
    shownBy: [
      'latency|p99|p95|p50|millisecond|milliseconds|ms',
      'throughput|requests_per_second|rps|tps|qps',
      'slow|slower|fast|faster|speed',
      'bottleneck|hot_path|contention',
      'profile|profiled|profiling|trace|tracing|x_ray|flame_graph',
      'cache|caching|cached|cdn|elasticache|dax|cloudfront',
      'index|indexes|query|queries|n_plus_one',
      'load_test|benchmark',
      'cpu|memory|connection_pool|connections',
      'concurrency|parallel|parallelism|async',
      'scale|scaling|autoscaling|auto_scaling|horizontal',
    ],
  },
  {
    theme: 'migration',
    namedBy: [
      'migrate|migrated|migration|migrating|cutover|cut_over|re_platform|replatform|modernise|modernize|modernisation|modernization|lift_and_shift|rehost',
      'move|moved|moving to|from|off',
    ],
    shownBy: [
      'migrate|migrated|migration|migrating',
      'cutover|cut_over|switchover|switch_over',
      'dual_write|backfill|replicate|replication|dms|cdc',
      'downtime|maintenance_window',
      'rollback|roll_back|fallback',
      'legacy|old_system|mainframe',
      'on_premises|on_prem|data_centre|data_center|datacenter',
      'phase|phases|wave|waves|pilot|incremental|incrementally',
      'parallel|shadow|side_by_side|strangler',
      'validate|validated|validation|reconcile|reconciliation|checksum',
    ],
  },
  {
    theme: 'influence',
    namedBy: [
      'convince|convinced|persuade|persuaded|influence|influenced|buy_in|sell|champion|advocate|adopt|adoption',
      'without authority',
      'get people|others|teams|leadership to',
    ],
    shownBy: [
      'convince|convinced|persuade|persuaded|win_over',
      'proposal|propose|proposed|rfc|design_doc|one_pager',
      'prototype|demo|proof_of_concept|poc|pilot',
      'data|evidence|numbers|metrics|benchmark',
      'buy_in|sponsor|champion',
      'stakeholder|stakeholders|leadership|director|vp',
      'concern|concerns|objection|objections|sceptical|skeptical',
      'present|presented|presentation|pitch|pitched',
      'adopt|adopted|adoption|rolled_out',
      'agree|agreed|approval|approved',
    ],
  },
  {
    theme: 'prioritisation',
    namedBy: [
      'prioritise|prioritize|prioritised|prioritized|prioritisation|prioritization|priority|priorities',
      'competing demands|requests|deadlines|projects',
      'say|said no',
      'juggle|juggling',
    ],
    shownBy: [
      'priority|priorities|prioritise|prioritize|prioritised|prioritized',
      'impact|value|effort|urgency|urgent',
      'backlog|roadmap|queue',
      'stakeholder|stakeholders|manager|product_manager',
      'defer|deferred|postpone|postponed|drop|dropped|parked|said_no',
      'trade_off|tradeoff',
      'rank|ranked|matrix|score|scored',
      'deadline|deadlines|date|dates',
      'must_have|nice_to_have',
    ],
  },
  {
    theme: 'leadership',
    namedBy: ['lead|led|leader|leadership|leading', 'took|take charge|the_lead|ownership|initiative', 'step_up', 'manage a|the team|project|people'],
    shownBy: [
      'lead|led|leading|leader',
      'delegate|delegated|assign|assigned',
      'plan|planned|roadmap|milestone|milestones',
      'align|aligned|alignment|kickoff|kick_off',
      'decision|decide|decided',
      'own|owned|ownership|responsible|accountable',
      'coordinate|coordinated|organise|organised|organize|organized',
      'unblock|unblocked|blocker|blockers',
      'motivate|motivated|morale',
      'status_update|communicate',
    ],
  },
  {
    theme: 'automation',
    namedBy: [
      'automate|automated|automation|automating|simplify|simplified|simplification|toil|manual|manually|innovate|innovation|invent|invented|streamline|streamlined',
      'improve|improved a|the process|workflow|pipeline',
      'simple|simpler|easier|quicker|faster|better way',
      'every day|week|release|deploy',
    ],
    shownBy: [
      'automate|automated|automation|automatically',
      'script|scripted|scripts|tool|tooling',
      'pipeline|ci|cd|ci_cd|github_actions|codepipeline',
      'manual|manually|toil|by_hand',
      'hours|minutes|saved_time|per_week',
      'simplify|simplified|simpler|remove|removed',
      'template|templates|self_service|self_serve',
      'cron|schedule|scheduled|eventbridge|step_functions|lambda',
      'error_prone|consistent|consistency',
    ],
  },
  {
    theme: 'data',
    namedBy: ['data|metrics|measure|measured|analysis|analyse|analyze|analysed|analyzed|evidence|experiment', 'data driven'],
    shownBy: [
      'data|dataset',
      'metric|metrics|kpi|kpis',
      'measure|measured|measurement',
      'dashboard|dashboards|graph|chart',
      'analysis|analyse|analyze|analysed|analyzed',
      'query|queries|sql|athena|notebook',
      'experiment|a_b_test|ab_test|a/b',
      'baseline|trend|percent|percentage|%',
      'sample|cohort|segment',
    ],
  },
  {
    theme: 'decision',
    namedBy: [
      'decision|decide|judgement|judgment|gamble|bet',
      'difficult|hard|tough|risky choice|trade_off|tradeoff|decision|call',
      'incomplete|limited information|data',
    ],
    shownBy: [
      'decide|decided|decision',
      'option|options|alternative|alternatives',
      'trade_off|tradeoff|pros|cons',
      'risk|risks|risky',
      'weigh|weighed|criteria',
      'reversible|two_way_door|one_way_door|rollback|roll_back',
      'chose|choose|picked|went_with',
      'data|evidence|information',
      'recommend|recommended|recommendation',
    ],
  },
  {
    theme: 'ownership',
    namedBy: [
      'above and beyond',
      'beyond your|the role|job|responsibilities',
      'outside your|the role|job|responsibilities',
      'nobody|no_one owned|was_responsible',
      'ownership|own_it|owned',
    ],
    shownBy: [
      'own|owned|ownership',
      'volunteer|volunteered',
      'nobody|no_one|no_owner',
      'responsibility|responsible',
      'step_in|take_on',
      'initiative|on_my_own|myself',
      'weekend|evening|evenings|after_hours',
      'follow_up|follow_through|see_it_through',
    ],
  },
  {
    theme: 'quality',
    namedBy: ['standard|standards|quality|bar|high_bar', 'code_review'],
    shownBy: [
      'standard|standards|quality|bar',
      'review|reviews|code_review|reviewer',
      'test|tests|testing|coverage|unit_test|integration_test',
      'checklist|template|guideline|guidelines|style_guide',
      'lint|linter|static_analysis',
      'ci|pipeline|gate|check|checks',
      'bug|bugs|defect|defects|regression|regressions',
      'refactor|refactored|cleanup|clean_up|tech_debt|technical_debt',
    ],
  },
];

interface CompiledTheme {
  theme: string;
  named: CueMatcher;
  /** One matcher per evidence entry, so each entry counts once. */
  shown: CueMatcher;
}

const COMPILED: readonly CompiledTheme[] = THEMES.map((t) => ({ theme: t.theme, named: compileCues(t.namedBy), shown: compileCues(t.shownBy) }));

/** The themes a prompt asks about, by name. */
export function themesNamed(prompt: readonly Sentence[]): string[] {
  return COMPILED.filter((t) => prompt.some((s) => hasCue(t.named, s))).map((t) => t.theme);
}

/** How many different pieces of evidence of a theme the sentences show, and the sentences that show them. */
export function themeEvidence(theme: string, sentences: readonly Sentence[]): { count: number; sentences: Sentence[] } {
  const rule = COMPILED.find((t) => t.theme === theme);
  if (!rule) return { count: 0, sentences: [] };
  const said = new Set<string>();
  const showing: Sentence[] = [];
  for (const s of sentences) {
    const here = cuesSaid(rule.shown, s);
    if (here.size > 0) showing.push(s);
    for (const phrase of here) said.add(phrase);
  }
  return { count: said.size, sentences: showing };
}

/** The prompt's theme the sentences show best: how many pieces of evidence, and where (none: the prompt names no theme). */
export function bestThemeEvidence(themes: readonly string[], sentences: readonly Sentence[]): { theme: string; count: number; sentences: Sentence[] } | null {
  let best: { theme: string; count: number; sentences: Sentence[] } | null = null;
  for (const theme of themes) {
    const found = themeEvidence(theme, sentences);
    if (!best || found.count > best.count) best = { theme, ...found };
  }
  return best;
}
