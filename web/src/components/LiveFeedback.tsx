import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Feedback } from '../api';
import { FINDING_LABELS, labelOf, PART_LABELS } from '../labels';
import { LIVE_PAUSE_MS } from '../live';
import { creditedSentences, hasSomethingToJudge, WordTarget } from './feedback-parts';

/**
 * Live feedback: grades the answer again on every pause in typing, aborting a request that a
 * newer keystroke made stale. `grade` is null while there is nothing to grade against. Until the
 * answer has something to judge (a first sentence, or a few words), nothing is graded or shown.
 */
export function useLiveFeedback(
  grade: ((answer: string, signal: AbortSignal) => Promise<Feedback>) | null,
  answer: string,
): { live: Feedback | null; liveError: string } {
  const [live, setLive] = useState<Feedback | null>(null);
  const [liveError, setLiveError] = useState('');
  const inFlight = useRef<AbortController | null>(null);
  const gradeRef = useRef(grade);
  useLayoutEffect(() => {
    gradeRef.current = grade;
  });
  const isActive = grade !== null;
  const isJudgeable = hasSomethingToJudge(answer);
  // An answer cut back to nothing judgeable shows no feedback (state adjusted while rendering, not in an effect).
  const [wasJudgeable, setWasJudgeable] = useState(isJudgeable);
  if (wasJudgeable !== isJudgeable) {
    setWasJudgeable(isJudgeable);
    if (!isJudgeable) {
      setLive(null);
      setLiveError('');
    }
  }
  useEffect(() => {
    if (!isActive || !isJudgeable) {
      // Nothing to grade against any more (submitted, finished), or nothing to judge yet: a late answer must not land.
      inFlight.current?.abort();
      return;
    }
    const timer = setTimeout(() => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      gradeRef.current?.(answer, controller.signal).then(
        (feedback) => {
          setLive(feedback);
          setLiveError('');
        },
        // Live feedback is best effort: a failed preview (an over-long answer, a lost server) is
        // said beside the panel and never replaces the answer being typed.
        (e: Error) => e.name !== 'AbortError' && setLiveError(e.message),
      );
    }, LIVE_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [answer, isActive, isJudgeable]);
  return { live, liveError };
}

/** Minutes and seconds since the component appeared (or `resetKey` changed), while running. */
export function Timer({ running, resetKey }: { running: boolean; resetKey?: string }) {
  const [seconds, setSeconds] = useState(0);
  const [countingFor, setCountingFor] = useState(resetKey);
  if (countingFor !== resetKey) {
    setCountingFor(resetKey);
    setSeconds(0);
  }
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const shown = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <p className="timer" role="timer" aria-label={`Time spent: ${shown}`}>
      <span aria-hidden="true">{shown}</span>
    </p>
  );
}

/**
 * The panel beside the answer while it is being written. It never shows the key: no rubric
 * point, covered or not (only the candidate's own sentences that earned credit and how many
 * points they cover), and no pitfall. `hints` are the rubric points, shown only when the
 * candidate asked for them in single-question practice.
 */
export function LivePanel({ feedback, hints }: { feedback: Feedback | null; hints?: readonly string[] }) {
  if (!feedback) {
    return (
      <aside className="live" aria-label="Live feedback">
        <p className="hint">
          Live feedback starts after your first sentence: which of your sentences earn credit, the shape of your answer, and habits to drop.
        </p>
        {hints && <Hints hints={hints} feedback={null} />}
      </aside>
    );
  }
  const total = feedback.rubric.length;
  const covered = feedback.rubric.filter((r) => r.covered).length;
  const sentences = creditedSentences(feedback);
  return (
    <aside className="live" aria-label="Live feedback">
      <p className="live-score">
        Score so far <strong>{feedback.score}</strong>/100
      </p>
      {total > 0 && (
        <p className="coverage">
          <strong>
            {covered} of {total}
          </strong>{' '}
          points covered
        </p>
      )}
      <h2>Your sentences that earn credit</h2>
      {sentences.length === 0 ? (
        <p className="none">None yet.</p>
      ) : (
        <ul className="credited">
          {sentences.map((s) => (
            <li key={s}>
              <q>{s}</q>
            </li>
          ))}
        </ul>
      )}
      {hints && <Hints hints={hints} feedback={feedback} />}
      <h2>Shape ({feedback.structure.framework})</h2>
      <ul className="parts">
        {feedback.structure.parts.map((p) => (
          <li key={p.part} className={p.present ? 'present' : ''}>
            <span aria-hidden="true">{p.present ? '✔' : '○'}</span>
            <span className="sr-only">{p.present ? 'Present: ' : 'Missing: '}</span> {labelOf(PART_LABELS, p.part)}
          </li>
        ))}
      </ul>
      <WordTarget framework={feedback.structure.framework} />
      <h2>Habits</h2>
      <ul className="findings">
        {feedback.findings.length === 0 && <li className="none">None found.</li>}
        {feedback.findings.map((f) => (
          <li key={f.code}>
            <strong>{labelOf(FINDING_LABELS, f.code)}.</strong> {/* A misconception's correction is the question's pitfall: it waits for the submit. */}
            {f.code === 'misconception' ? (
              <>
                One of your sentences states something wrong
                {f.evidence && (
                  <>
                    : <q>{f.evidence}</q>
                  </>
                )}
                . The correction comes with your feedback.
              </>
            ) : (
              f.message
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** The rubric points as hints, each ticked once a sentence covers it. */
function Hints({ hints, feedback }: { hints: readonly string[]; feedback: Feedback | null }) {
  return (
    <>
      <h2>Hints</h2>
      <ul className="hints">
        {hints.map((point, i) => {
          const isCovered = feedback?.rubric[i]?.covered ?? false;
          return (
            <li key={point} className={isCovered ? 'covered' : ''}>
              <span className="mark" aria-hidden="true">
                {isCovered ? '✔' : '○'}
              </span>
              <span className="sr-only">{isCovered ? 'Covered: ' : 'Not yet: '}</span>
              {point}
            </li>
          );
        })}
      </ul>
    </>
  );
}
