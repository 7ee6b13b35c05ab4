import { useEffect, useState } from 'react';
import { api, type Question } from '../api';
import { Prompt } from '../components/Prompt';
import { questionMeta } from './Library';

export function QuestionView({ id }: { id: string }) {
  const [question, setQuestion] = useState<Question | null>(null);
  const [error, setError] = useState('');
  const [showAnswer, setShowAnswer] = useState(false);
  useEffect(() => {
    api.question(id).then(setQuestion, (e: Error) => setError(e.message));
  }, [id]);
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!question) return <p>Loading…</p>;
  return (
    <article>
      <p className="meta">{questionMeta(question)}</p>
      <div className="prompt"><Prompt text={question.prompt} heading={(first) => <h1>{first}</h1>} /></div>
      <p><a className="button primary" href={`#/practise/${encodeURIComponent(question.id)}`}>Practise this question</a></p>
      <h2>What a strong answer covers</h2>
      <ol>{question.rubric.map((r) => <li key={r}>{r}</li>)}</ol>
      <h2>Model answer</h2>
      <button type="button" aria-expanded={showAnswer} aria-controls="model-answer" onClick={() => setShowAnswer((s) => !s)}>
        {showAnswer ? 'Hide model answer' : 'Show model answer'}
      </button>
      <div id="model-answer" hidden={!showAnswer}><p>{question.modelAnswer}</p></div>
      <h2>Common pitfalls</h2>
      <ul>{question.pitfalls.map((p) => <li key={p.claim}><strong>{p.claim}</strong> {p.correction}</li>)}</ul>
      {question.references.length > 0 && (
        <>
          <h2>Further reading</h2>
          <ul>{question.references.map((r) => <li key={r}>{r}</li>)}</ul>
        </>
      )}
    </article>
  );
}
