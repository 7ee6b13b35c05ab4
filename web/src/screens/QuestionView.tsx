import { useEffect, useState } from 'react';
import { api, type Question } from '../api';
import { Prompt } from '../components/Prompt';
import { questionMeta } from './Library';

/** One question of the library: its prompt, then its key (points, model answer, pitfalls) folded until asked for. */
export function QuestionView({ id }: { id: string }) {
  const [question, setQuestion] = useState<Question | null>(null);
  const [error, setError] = useState('');
  const [showAnswer, setShowAnswer] = useState(false);
  useEffect(() => {
    api.question(id).then(setQuestion, (e: Error) => setError(e.message));
  }, [id]);
  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!question) return <p>Loading…</p>;
  return (
    <article>
      <p className="meta">{questionMeta(question)}</p>
      <div className="prompt">
        <Prompt text={question.prompt} heading={(first) => <h1>{first}</h1>} />
      </div>
      <p>
        <a className="button primary" href={`#/practise/${encodeURIComponent(question.id)}`}>
          Practise this question
        </a>
      </p>
      <h2>The answer key</h2>
      <p className="hint">Practising? Answer first: the key is easier to learn after you have tried.</p>
      <button type="button" aria-expanded={showAnswer} aria-controls="answer-key" onClick={() => setShowAnswer((s) => !s)}>
        {showAnswer ? 'Hide the key: points, model answer and pitfalls' : 'Show the key: points, model answer and pitfalls'}
      </button>
      {/* Not rendered until asked for, so the key is not in the page at all while hidden. */}
      <div id="answer-key" hidden={!showAnswer}>
        {showAnswer && question.rubric.length > 0 && (
          <>
            <h3>What a strong answer covers</h3>
            <ol>
              {question.rubric.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ol>
          </>
        )}
        {showAnswer && (
          <>
            <h3>Model answer</h3>
            <div id="model-answer">
              <p>{question.modelAnswer}</p>
            </div>
          </>
        )}
        {showAnswer && question.pitfalls.length > 0 && (
          <>
            <h3>Common pitfalls</h3>
            <ul>
              {question.pitfalls.map((p) => (
                <li key={p.claim}>
                  <strong>{p.claim}</strong> {p.correction}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {question.references.length > 0 && (
        <>
          <h2>Further reading</h2>
          <ul>
            {question.references.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
