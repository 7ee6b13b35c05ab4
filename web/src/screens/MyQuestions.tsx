import { useEffect, useState } from 'react';
import { myQuestionsApi, type Question } from '../api';
import { promptTitle } from '../prompt';
import { questionMeta } from './Library';

/** A starting point in the bank's schema (content/AUTHORING.md explains every field). */
const TEMPLATE = `id: my-first-question
topic: compute-serverless
levels: [mid]
kind: scenario
prompt: Your question, as an interviewer would ask it?
rubric:
  - The first point a strong answer makes.
  - The second point.
  - The third point.
modelAnswer: A strong answer in your own words, with a decision, its trade-off and a result.
pitfalls:
  - claim: A wrong claim candidates make.
    correction: What is true instead.
followUps:
  - prompt: A follow-up for an answer that missed the first point?
    when: { missed: 1 }
  - prompt: A follow-up for an answer with no downside?
    when: { finding: no-tradeoff }
services: []
`;

/** The template's stand-in texts: a question that still holds one was not written yet. */
const TEMPLATE_PLACEHOLDERS = [
  'Your question, as an interviewer would ask it?',
  'The first point a strong answer makes.',
  'The second point.',
  'The third point.',
  'A strong answer in your own words',
  'A wrong claim candidates make.',
  'A follow-up for an answer that missed the first point?',
];

/** Why this text is still the untouched template (a placeholder left in), or null when it is the user's own. */
export function templateLeftover(text: string): string | null {
  const left = TEMPLATE_PLACEHOLDERS.find((p) => text.includes(p));
  return left ? `it still has the template's placeholder "${left}". Replace every placeholder with your own question, points and answer first.` : null;
}

/** Your questions: import YAML in the bank's schema (file or pasted), practise them, delete them. */
export function MyQuestions() {
  const [questions, setQuestions] = useState<Question[] | null>(null);
  const [yaml, setYaml] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const load = () => myQuestionsApi.list().then(setQuestions, (e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);

  const importText = async (text: string, from: string) => {
    setError('');
    setStatus('');
    const leftover = templateLeftover(text);
    if (leftover) return setError(`Nothing was imported from ${from}: ${leftover}`);
    try {
      const { imported } = await myQuestionsApi.import(text);
      setStatus(`Imported ${imported.length} question${imported.length === 1 ? '' : 's'} from ${from}: ${imported.join(', ')}.`);
      await load();
    } catch (e) {
      setError(`Nothing was imported from ${from}: ${(e as Error).message}`);
    }
  };

  const remove = async (q: Question) => {
    if (!window.confirm(`Delete "${q.prompt}"? Your past answers to it stay in your history.`)) return;
    try {
      await myQuestionsApi.remove(q.id);
      setStatus(`Deleted ${q.id}.`);
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="my-questions">
      <h1>Your questions</h1>
      <p>
        Add questions of your own in the bank's YAML format (one question, a list, or several documents separated by <code>---</code>) and practise them like
        the bank's: alone, or in mock interviews on their topic.
      </p>
      <h2>Import a file</h2>
      <label htmlFor="import-file">YAML file</label>
      <input
        id="import-file"
        type="file"
        accept=".yaml,.yml,text/yaml"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void file.text().then((text) => importText(text, file.name));
        }}
      />
      <h2>Or write one here</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void importText(yaml, 'the text box');
        }}
      >
        <label htmlFor="import-yaml">Question YAML</label>
        <textarea id="import-yaml" rows={14} spellCheck={false} value={yaml} onChange={(e) => setYaml(e.target.value)} />
        <p className="actions">
          <button type="button" onClick={() => setYaml(TEMPLATE)}>
            Start from a template
          </button>
          <button type="submit" className="primary" disabled={!yaml.trim()}>
            Add
          </button>
        </p>
      </form>
      <p role="status" className="status">
        {status}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h2>Your list</h2>
      {questions === null ? (
        <p>Loading…</p>
      ) : questions.length === 0 ? (
        <p>No questions of your own yet.</p>
      ) : (
        <>
          <p className="actions">
            <a className="button" href="/api/my-questions/export" download="loopcoach-questions.yaml">
              Export your questions (YAML)
            </a>
            <span className="hint">
              A pack anyone can import here or with <code>loopcoach questions import</code>.
            </span>
          </p>
          <ul className="questions">
            {questions.map((q) => (
              <li key={q.id}>
                <span>{promptTitle(q.prompt)}</span>
                <span className="meta">
                  {q.id} · {questionMeta(q)}
                </span>
                <span className="actions">
                  <a className="button" href={`#/practise/${encodeURIComponent(q.id)}`} aria-label={`Practise ${q.id}`}>
                    Practise
                  </a>
                  <button type="button" onClick={() => void remove(q)} aria-label={`Delete ${q.id}`}>
                    Delete
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
