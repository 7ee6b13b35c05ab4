import { useEffect, useRef, useState } from 'react';
import { AnswerForm } from '../components/AnswerForm';
import { LivePanel, placeholder, Timer, useLiveFeedback } from '../components/LiveFeedback';
import { api, type Feedback, type Question } from '../api';
import { RecordPanel, type SpokenAnswer } from '../speech/RecordPanel';
import { DeliveryComparison, SpokenReview } from '../speech/SpokenReview';

export function Practise({ id }: { id: string }) {
  const [question, setQuestion] = useState<Question | null>(null);
  const [answer, setAnswer] = useState('');
  const [final, setFinal] = useState<Feedback | null>(null);
  const [error, setError] = useState('');
  const [spoken, setSpoken] = useState<SpokenAnswer | null>(null);
  const [spokenAttempts, setSpokenAttempts] = useState<SpokenAnswer[]>([]);
  const isEdited = spoken !== null && answer.trim() !== spoken.analysis.transcript.trim();
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
      if (spoken && !spokenAttempts.includes(spoken)) setSpokenAttempts((all) => [...all, spoken]);
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
          <div>
          <RecordPanel kind={question.kind} onTranscript={setAnswer} onRecorded={setSpoken} />
          {spoken && <p className="hint transcript-state" data-finish-ms={spoken.finishMs}>{isEdited ? 'Transcript edited by you.' : 'Transcript from your recording: fix any misheard words before submitting.'}</p>}
          <AnswerForm id="answer" rows={14} value={answer} onChange={setAnswer} onSubmit={() => void submit()} hint="Feedback updates as you pause. Ctrl+Enter submits." />
          </div>
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
          {spoken && <SpokenReview spoken={spoken} isEdited={isEdited} />}
          <DeliveryComparison attempts={spokenAttempts.map((a) => a.analysis.delivery)} />
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
