import { shortName } from './findings.js';
import type { Feedback, Finding, StructurePart } from './types.js';

interface Tip {
  value: number;
  text: string;
}

const FINDING_VALUE: Record<Finding['code'], number> = {
  misconception: 100,
  'off-topic': 95,
  'too-short': 90,
  'definition-only': 70,
  'service-dump': 68,
  'no-ownership': 66,
  'no-metrics': 64,
  'no-tradeoff': 62,
  'vague-action': 60,
  'unqualified-hedge': 58,
  'too-long': 50,
  buzzwords: 45,
  'filler-opening': 30,
  'keyword-list': 92,
};

const PART_TIPS: Record<StructurePart['part'], string> = {
  context: 'Open with a concrete situation: the workload, its scale and the constraint that shaped your choice.',
  choice: 'State your choice plainly ("I would use X because...") before explaining it.',
  tradeoff: 'Volunteer the downside of your choice: its cost, its limit, or what would break first.',
  result: 'End with the result: what changed, with a number (latency, cost, errors, time).',
  situation: 'Set the scene in one or two sentences: where you were, what was at stake, and when.',
  task: 'Say what you personally owned: "I was responsible for...".',
  action: 'Walk through the concrete steps you took yourself, with "I", in order.',
};

function quote(text: string, max = 110): string {
  const clean = text.replace(/\s+/g, ' ').trim().replace(/[.;:]+$/, '');
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

function findingTip(f: Finding, feedback: Pick<Feedback, 'services'>): string {
  switch (f.code) {
    case 'no-tradeoff': {
      const service = feedback.services[0];
      return service
        ? `You recommended ${shortName(service)} without a downside. Say what it costs you or where it stops working, then why you accept that.`
        : f.message;
    }
    case 'misconception':
      return f.evidence ? `Correct this claim: "${quote(f.evidence, 90)}". ${f.message.replace(/^This states a common error: /, '')}` : f.message;
    default:
      return f.message;
  }
}

/** The three most valuable improvements for this answer, most valuable first. */
export function chooseTips(feedback: Omit<Feedback, 'tips' | 'score'>): string[] {
  const tips: Tip[] = feedback.findings.map((f) => ({ value: FINDING_VALUE[f.code], text: findingTip(f, feedback) }));
  const missed = feedback.rubric.filter((r) => !r.covered);
  if (missed.length > 0 && !feedback.findings.some((f) => f.code === 'off-topic')) {
    const share = missed.length / feedback.rubric.length;
    const shown = missed.slice(0, 2).map((r) => `"${quote(r.point)}"`);
    tips.push({
      value: 65 + 35 * share,
      text: missed.length === 1 ? `Cover the point you missed: ${shown[0]}.` : `You missed ${missed.length} of ${feedback.rubric.length} points. Start with ${shown.join(' and ')}.`,
    });
  }
  for (const p of feedback.structure.parts) {
    if (!p.present && !(p.part === 'tradeoff' && feedback.findings.some((f) => f.code === 'no-tradeoff'))) tips.push({ value: 40, text: PART_TIPS[p.part] });
  }
  const seen = new Set<string>();
  return tips
    .map((t, i) => ({ ...t, i }))
    .sort((a, b) => b.value - a.value || a.i - b.i)
    .filter((t) => !seen.has(t.text) && seen.add(t.text))
    .slice(0, 3)
    .map((t) => t.text);
}
