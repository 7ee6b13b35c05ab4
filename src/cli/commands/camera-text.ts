import type { CameraMeasures, CameraTrend } from '../../core/camera/trend.js';

/** One answer's camera measures, in the words the terminal uses. */
export function cameraMeasuresText(m: CameraMeasures): string {
  return `${m.lookingAtScreenPct}% looking at the screen, ${m.faceVisiblePct}% face visible, ${m.wellFramedPct}% well framed, ${m.fidgetingPct}% fidgeting`;
}

/** The camera over time for the terminal: each answer recorded on camera, then the mean; nothing when none was. */
export function cameraTrendText(trend: CameraTrend, heading: string): string[] {
  if (!trend.mean) return [];
  return [
    heading,
    ...trend.answers.map(
      (a) => `  ${a.answeredAt.slice(0, 16).replace('T', ' ')}  ${a.questionId}: ${cameraMeasuresText(a)}${a.isUnreliable ? ' (unreliable signal)' : ''}`,
    ),
    `  mean: ${cameraMeasuresText(trend.mean)}`,
  ];
}
