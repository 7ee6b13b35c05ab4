import { useEffect, useRef, useState } from 'react';
import type { Feedback, Question } from '../api';
import { LIVE_PAUSE_MS } from '../live';

/**
 * Live feedback: grades the answer again on every pause in typing, aborting a request that a
 * newer keystroke made stale. `grade` is null while there is nothing to grade against.
 */
export function useLiveFeedback(grade: ((answer: string, signal: AbortSignal) => Promise<Feedback>) | null, answer: string): { live: Feedback | null; liveError: string } {
  const [live, setLive] = useState<Feedback | null>(null);
  const [liveError, setLiveError] = useState('');
  const inFlight = useRef<AbortController | null>(null);
  const gradeRef = useRef(grade);
  gradeRef.current = grade;
  const isActive = grade !== null;
  useEffect(() => {
    if (!isActive) {
      // Nothing to grade against any more (submitted, finished): a late answer must not land.
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
  }, [answer, isActive]);
  return { live, liveError };
}

/** Minutes and seconds since the component appeared (or `resetKey` changed), while running. */
export function Timer({ running, resetKey }: { running: boolean; resetKey?: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => setSeconds(0), [resetKey]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const shown = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return <p className="timer" role="timer" aria-label={`Time spent: ${shown}`}><span aria-hidden="true">{shown}</span></p>;
}

const STORY_KINDS = ['behavioral', 'experience'];
const PARTS = { CCTR: ['context', 'choice', 'tradeoff', 'result'], STAR: ['situation', 'task', 'action', 'result'] } as const;

/** Before the first grade, the panel shows every point and part unlit, so nothing moves when feedback arrives. */
export function placeholder(question: Question): Feedback {
  const framework = STORY_KINDS.includes(question.kind) ? 'STAR' : 'CCTR';
  return {
    score: 0,
    rubric: question.rubric.map((point) => ({ point, covered: false, strength: 0, evidence: null })),
    structure: { framework, parts: PARTS[framework].map((part) => ({ part, present: false, evidence: null })) },
    findings: [],
    services: [],
    leadershipPrinciples: [],
    tips: [],
  };
}

/** Live feedback: graded again on every pause in typing, with the sentence that covered each point. */
export function LivePanel({ feedback, isLive }: { feedback: Feedback; isLive: boolean }) {
  return (
    <aside className="live" aria-label={isLive ? 'Live feedback' : 'Feedback'}>
      {isLive && <p className="live-score">Score so far <strong>{feedback.score}</strong>/100</p>}
      <h2>Rubric</h2>
      <ul className="rubric">
        {feedback.rubric.map((r) => (
          <li key={r.point} className={r.covered ? 'covered' : ''}>
            <span className="mark" aria-hidden="true">{r.covered ? '✔' : '○'}</span>
            <span className="sr-only">{r.covered ? 'Covered: ' : 'Not yet: '}</span>
            {r.point}
            <q className="evidence" aria-hidden={!r.evidence}>{r.evidence ?? ''}</q>
          </li>
        ))}
      </ul>
      <h2>Structure ({feedback.structure.framework})</h2>
      <ul className="parts">
        {feedback.structure.parts.map((p) => (
          <li key={p.part} className={p.present ? 'present' : ''}>
            <span aria-hidden="true">{p.present ? '✔' : '○'}</span>
            <span className="sr-only">{p.present ? 'Present: ' : 'Missing: '}</span> {p.part}
          </li>
        ))}
      </ul>
      <h2>Habits</h2>
      <ul className="findings">
        {feedback.findings.length === 0 && <li className="none">None found.</li>}
        {feedback.findings.map((f) => <li key={f.code}><code>{f.code}</code> {f.message}</li>)}
      </ul>
    </aside>
  );
}

