import { DEFAULT_PARAMETERS, type EngineParameters } from './params.js';
import { FINDING_RULES } from './rules/findings.js';
import { partTip } from './rules/frameworks.js';
import type { Feedback, Finding } from './types.js';

interface Tip {
  value: number;
  text: string;
}

function quote(text: string, max = 110): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]+$/, '');
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

function findingTip(f: Finding, feedback: Pick<Feedback, 'services'>): string {
  return FINDING_RULES[f.code].tip?.(f, feedback) ?? f.message;
}

/** The three most valuable improvements for this answer, most valuable first. */
export function chooseTips(feedback: Omit<Feedback, 'tips' | 'score'>, params: EngineParameters = DEFAULT_PARAMETERS): string[] {
  const tips: Tip[] = feedback.findings.map((f) => ({ value: params.findings[f.code].tipValue, text: findingTip(f, feedback) }));
  const missed = feedback.rubric.filter((r) => !r.covered);
  if (missed.length > 0 && !feedback.findings.some((f) => f.code === 'off-topic')) {
    const share = missed.length / feedback.rubric.length;
    const shown = missed.slice(0, 2).map((r) => `"${quote(r.point)}"`);
    tips.push({
      value: params.tips.missedBase + params.tips.missedPerShare * share,
      text:
        missed.length === 1
          ? `Cover the point you missed: ${shown[0]}.`
          : `You missed ${missed.length} of ${feedback.rubric.length} points. Start with ${shown.join(' and ')}.`,
    });
  }
  for (const p of feedback.structure.parts) {
    if (!p.present && !(p.part === 'tradeoff' && feedback.findings.some((f) => f.code === 'no-tradeoff')))
      tips.push({ value: params.tips.missingPart, text: partTip(feedback.structure.framework, p.part) });
  }
  const seen = new Set<string>();
  return tips
    .map((t, i) => ({ ...t, i }))
    .sort((a, b) => b.value - a.value || a.i - b.i)
    .filter((t) => !seen.has(t.text) && seen.add(t.text))
    .slice(0, params.tips.count)
    .map((t) => t.text);
}
