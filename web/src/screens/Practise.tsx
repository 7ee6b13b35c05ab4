import { useEffect, useRef, useState } from 'react';
import { AnswerForm } from '../components/AnswerForm';
import { api, type Feedback, type Question } from '../api';

const PAUSE_MS = 150;

function useElapsed(running: boolean): string {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const STORY_KINDS = ['behavioral', 'experience'];
const PARTS = { CCTR: ['context', 'choice', 'tradeoff', 'result'], STAR: ['situation', 'task', 'action', 'result'] } as const;

/** Before the first grade, the panel shows every point and part unlit, so nothing moves when feedback arrives. */
function placeholder(question: Question): Feedback {
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

export function Practise({ id }: { id: string }) {
  const [question, setQuestion] = useState<Question | null>(null);
  const [answer, setAnswer] = useState('');
  const [live, setLive] = useState<Feedback | null>(null);
  const [final, setFinal] = useState<Feedback | null>(null);
  const [error, setError] = useState('');
  const elapsed = useElapsed(final === null);
  const inFlight = useRef<AbortController | null>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);

  // Keyboard and screen-reader users land on the result they just asked for.
  useEffect(() => {
    if (final) reportHeading.current?.focus();
  }, [final]);

  useEffect(() => {
    api.question(id).then(setQuestion, (e: Error) => setError(e.message));
  }, [id]);

  useEffect(() => {
    if (!question || final) return;
    const timer = setTimeout(() => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      api.grade(question.id, answer, controller.signal).then(setLive, (e: Error) => e.name !== 'AbortError' && setError(e.message));
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [answer, question, final]);

  const submit = async () => {
    if (!question || !answer.trim()) return;
    try {
      setFinal(await api.grade(question.id, answer));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!question) return <p>Loading…</p>;
  return (
    <section className="practise">
      <div className="question-head">
        <h1>{question.prompt}</h1>
        <p className="timer" role="timer" aria-label={`Time spent: ${elapsed}`}><span aria-hidden="true">{elapsed}</span></p>
      </div>
      {!final ? (
        <div className="workspace">
          <AnswerForm id="answer" rows={14} value={answer} onChange={setAnswer} onSubmit={() => void submit()} hint="Feedback updates as you pause. Ctrl+Enter submits." />
          <LivePanel feedback={live ?? placeholder(question)} isLive />
        </div>
      ) : (
        <div className="report">
          <h2 ref={reportHeading} tabIndex={-1}>Score {final.score}/100</h2>
          <h3>Next time</h3>
          <ol>{final.tips.map((t) => <li key={t}>{t}</li>)}</ol>
          <LivePanel feedback={final} isLive={false} />
          <h3>Model answer</h3>
          <p>{question.modelAnswer}</p>
          <p className="actions">
            <button type="button" onClick={() => { setFinal(null); }}>Improve this answer</button>
            <a className="button" href="#/library">Another question</a>
          </p>
        </div>
      )}
    </section>
  );
}
