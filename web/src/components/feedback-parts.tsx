import { DEFAULT_PARAMETERS } from '../../../src/core/params';
import type { Feedback } from '../api';
import { FINDING_LABELS, labelOf, PART_LABELS } from '../labels';

/** Below this many words, and before a first full sentence, there is nothing to judge yet. */
export const JUDGE_AFTER_WORDS = 8;
const SENTENCE_END = /\w[.?!](?:\s|$)/;

/** True once the answer has a first full sentence or about eight words. */
export function hasSomethingToJudge(answer: string): boolean {
  const words = answer.trim().split(/\s+/).filter(Boolean).length;
  return words >= JUDGE_AFTER_WORDS || (words >= 3 && SENTENCE_END.test(answer));
}

/** The candidate's own sentences that earned credit for some point, each once, in answer order. */
export function creditedSentences(feedback: Feedback): string[] {
  return [...new Set(feedback.rubric.flatMap((r) => (r.covered && r.evidence ? [r.evidence] : [])))];
}

/**
 * The word range to aim for, one per kind of answer: the engine's length limits (a story needs
 * more words than a technical answer), with the same arithmetic as its too-short finding.
 */
export function wordTarget(framework: Feedback['structure']['framework']): { min: number; max: number; why: string } {
  const isStory = framework === 'STAR';
  const limits = isStory ? DEFAULT_PARAMETERS.length.story : DEFAULT_PARAMETERS.length.technical;
  const why = isStory
    ? 'a story needs the situation, your task, what you did and the result'
    : 'a technical answer needs the context, your choice, its downside and the result';
  return { min: limits.min * 3, max: Math.round(limits.max / 1.6), why };
}

export function WordTarget({ framework }: { framework: Feedback['structure']['framework'] }) {
  const target = wordTarget(framework);
  return (
    <p className="word-target">
      Aim for {target.min}–{target.max} words: {target.why}.
    </p>
  );
}

/** Tips that do not name an uncovered rubric point (in a mock interview, that point may be the next follow-up). */
function tipsWithoutKey(feedback: Feedback): string[] {
  const missed = feedback.rubric.filter((r) => !r.covered).map((r) => r.point.replace(/\s+/g, ' ').trim().slice(0, 40));
  return feedback.tips.filter((tip) => !missed.some((m) => tip.includes(m)));
}

/**
 * The whole feedback on a submitted answer: tips, the rubric with the sentence that covered each
 * point (only when `showKey`; a mock interview keeps it for the report), shape, habits, services
 * and Leadership Principles with the sentence that shows each.
 */
export function FullFeedback({ feedback, showKey }: { feedback: Feedback; showKey: boolean }) {
  const tips = showKey ? feedback.tips : tipsWithoutKey(feedback);
  const total = feedback.rubric.length;
  const covered = feedback.rubric.filter((r) => r.covered).length;
  return (
    <div className="full-feedback">
      {tips.length > 0 && (
        <>
          <h3>Next time</h3>
          <ol className="tips">
            {tips.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ol>
        </>
      )}
      {total > 0 && (
        <>
          <h3>
            Points covered: {covered} of {total}
          </h3>
          {showKey ? (
            <ul className="rubric">
              {feedback.rubric.map((r) => (
                <li key={r.point} className={r.covered ? 'covered' : 'missed'}>
                  <span className="mark" aria-hidden="true">
                    {r.covered ? '✔' : '✘'}
                  </span>
                  <span className="sr-only">{r.covered ? 'Covered: ' : 'Missed: '}</span>
                  {r.point}
                  {r.evidence && <q className="evidence">{r.evidence}</q>}
                </li>
              ))}
            </ul>
          ) : (
            <ul className="credited">
              {creditedSentences(feedback).map((s) => (
                <li key={s}>
                  <q>{s}</q>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h3>Shape ({feedback.structure.framework})</h3>
      <ul className="parts">
        {feedback.structure.parts.map((p) => (
          <li key={p.part} className={p.present ? 'present' : ''}>
            <span aria-hidden="true">{p.present ? '✔' : '○'}</span>
            <span className="sr-only">{p.present ? 'Present: ' : 'Missing: '}</span> {labelOf(PART_LABELS, p.part)}
          </li>
        ))}
      </ul>
      <h3>Habits</h3>
      <ul className="findings">
        {feedback.findings.length === 0 && <li className="none">None found.</li>}
        {feedback.findings.map((f) => (
          <li key={f.code}>
            <strong>{labelOf(FINDING_LABELS, f.code)}.</strong> {f.message}
            {f.evidence && <q className="evidence">{f.evidence}</q>}
          </li>
        ))}
      </ul>
      <h3>Services you named</h3>
      {feedback.services.length === 0 ? <p className="none">None.</p> : <p className="services">{feedback.services.join(', ')}</p>}
      <h3>Leadership Principles</h3>
      {feedback.leadershipPrinciples.length === 0 ? (
        <p className="none">None shown yet: a story with what you did yourself and why shows them.</p>
      ) : (
        <ul className="principles">
          {feedback.leadershipPrinciples.map((p) => (
            <li key={p.principle}>
              <strong>{p.principle}</strong>
              <q className="evidence">{p.evidence}</q>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
