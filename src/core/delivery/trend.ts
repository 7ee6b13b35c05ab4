import type { Delivery } from './types.js';

/**
 * The three delivery measures followed over time: pace, fillers a minute and long pauses. Fillers
 * are counted per minute of speaking (not of recording), so a long silence does not hide them.
 */
export interface DeliveryMeasures {
  wordsPerMinute: number;
  fillersPerMinute: number;
  longPauses: number;
}

/** A spoken answer's measures at the time it was saved. */
export interface DatedDelivery extends DeliveryMeasures {
  attemptId: string;
  questionId: string;
  answeredAt: string;
}

/** Delivery over time: each spoken answer, oldest first, and the mean over all of them. */
export interface DeliveryTrend {
  answers: DatedDelivery[];
  /** Null when nothing was spoken. */
  mean: DeliveryMeasures | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The followed measures of one delivery report. */
export function deliveryMeasures(delivery: Delivery): DeliveryMeasures {
  const fillers = delivery.fillers.reduce((n, f) => n + f.count, 0);
  const speakingMinutes = delivery.speakingSec / 60;
  return {
    wordsPerMinute: Math.round(delivery.wordsPerMinute),
    fillersPerMinute: speakingMinutes > 0 ? round1(fillers / speakingMinutes) : 0,
    longPauses: delivery.pauses.length,
  };
}

/** The mean of several answers' measures; null for none. */
export function meanMeasures(measures: readonly DeliveryMeasures[]): DeliveryMeasures | null {
  if (measures.length === 0) return null;
  const mean = (pick: (m: DeliveryMeasures) => number) => measures.reduce((n, m) => n + pick(m), 0) / measures.length;
  return {
    wordsPerMinute: Math.round(mean((m) => m.wordsPerMinute)),
    fillersPerMinute: round1(mean((m) => m.fillersPerMinute)),
    longPauses: round1(mean((m) => m.longPauses)),
  };
}

/** Spoken answers in time order, with their measures and the mean. */
export function deliveryTrend(spoken: ReadonlyArray<{ attemptId: string; questionId: string; answeredAt: string; delivery: Delivery }>): DeliveryTrend {
  const answers = [...spoken]
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
    .map((s) => ({ attemptId: s.attemptId, questionId: s.questionId, answeredAt: s.answeredAt, ...deliveryMeasures(s.delivery) }));
  return { answers, mean: meanMeasures(answers) };
}
