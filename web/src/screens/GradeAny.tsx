import { useEffect, useRef, useState } from 'react';
import { QUESTION_KINDS, type QuestionKind } from '../../../src/core/types';
import { api, type Feedback } from '../api';
import { FullFeedback } from '../components/feedback-parts';
import { KIND_LABELS } from '../labels';

/**
 * Grade any question: the candidate pastes the question they were really asked (the prompt
 * alone) and their answer, and gets the whole feedback. The rubric section shows only when the
 * engine had one to judge against.
 */
export function GradeAny() {
  const [prompt, setPrompt] = useState('');
  const [kind, setKind] = useState<QuestionKind | ''>('');
  const [answer, setAnswer] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (feedback) resultHeading.current?.focus();
  }, [feedback]);

  const grade = async () => {
    setError('');
    if (!prompt.trim()) return setError('Paste the question you were asked first.');
    if (!answer.trim()) return setError('Write or paste your answer first.');
    setBusy(true);
    try {
      setFeedback(await api.gradeAny({ prompt, ...(kind ? { kind } : {}) }, answer));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="grade-any">
      <h1>Grade any question</h1>
      <p className="lead">
        Asked something that is not in the library? Paste the question as you heard it and the answer you gave (or wish you had), and get the same feedback as
        in practice.
      </p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void grade();
        }}
      >
        <label htmlFor="any-prompt">The question you were asked</label>
        <textarea id="any-prompt" rows={4} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        <label htmlFor="any-kind">Kind of question</label>
        <select id="any-kind" value={kind} onChange={(e) => setKind(e.target.value as QuestionKind | '')}>
          <option value="">Let Loop Coach guess</option>
          {QUESTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor="any-answer">Your answer</label>
        <textarea id="any-answer" rows={12} value={answer} onChange={(e) => setAnswer(e.target.value)} />
        <p>
          <button type="submit" className="primary" disabled={busy}>
            Grade my answer
          </button>
        </p>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {feedback && (
        <div className="report">
          <h2 ref={resultHeading} tabIndex={-1}>
            Score {feedback.score}/100
          </h2>
          <FullFeedback feedback={feedback} showKey />
        </div>
      )}
    </section>
  );
}
