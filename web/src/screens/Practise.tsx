import { useEffect, useRef, useState } from 'react';
import { AnswerForm } from '../components/AnswerForm';
import { LivePanel, placeholder, Timer, useLiveFeedback } from '../components/LiveFeedback';
import { api, type Feedback, type Question } from '../api';

export function Practise({ id }: { id: string }) {
  const [question, setQuestion] = useState<Question | null>(null);
  const [answer, setAnswer] = useState('');
  const [final, setFinal] = useState<Feedback | null>(null);
  const [error, setError] = useState('');
  const reportHeading = useRef<HTMLHeadingElement>(null);

  // Keyboard and screen-reader users land on the result they just asked for.
  useEffect(() => {
    if (final) reportHeading.current?.focus();
  }, [final]);

  useEffect(() => {
    api.question(id).then(setQuestion, (e: Error) => setError(e.message));
  }, [id]);

  const { live, liveError } = useLiveFeedback(question && !final ? (text, signal) => api.grade(question.id, text, signal) : null, answer);

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
        <Timer running={final === null} />
      </div>
      {!final ? (
        <div className="workspace">
          <AnswerForm id="answer" rows={14} value={answer} onChange={setAnswer} onSubmit={() => void submit()} hint="Feedback updates as you pause. Ctrl+Enter submits." />
          <div>
            {liveError && <p role="status" className="error">Live feedback paused: {liveError}</p>}
            <LivePanel feedback={live ?? placeholder(question)} isLive />
          </div>
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
