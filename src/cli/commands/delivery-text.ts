import type { DeliveryMeasures, DeliveryTrend } from '../../core/delivery/trend.js';

/** One answer's followed measures, in the words the terminal uses. */
export function measuresText(m: DeliveryMeasures): string {
  return `${m.wordsPerMinute} wpm, ${m.fillersPerMinute} fillers/min, ${m.longPauses} long pause${m.longPauses === 1 ? '' : 's'}`;
}

/** Delivery over time for the terminal: each spoken answer, then the mean; nothing when all were typed. */
export function deliveryTrendText(trend: DeliveryTrend, heading: string): string[] {
  if (!trend.mean) return [];
  return [
    heading,
    ...trend.answers.map((a) => `  ${a.answeredAt.slice(0, 16).replace('T', ' ')}  ${a.questionId}: ${measuresText(a)}`),
    `  mean: ${measuresText(trend.mean)} (fillers are approximate)`,
  ];
}
