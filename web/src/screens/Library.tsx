import { useEffect, useState } from 'react';
import { LEVELS, QUESTION_KINDS as KINDS, TOPICS } from '../../../src/core/types';
import { api, type Question } from '../api';
import { KIND_LABELS, labelOf, LEVEL_LABELS, TOPIC_LABELS } from '../labels';
import { promptTitle } from '../prompt';

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  labels: Record<string, string>;
  onChange: (v: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Any</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {labelOf(props.labels, o)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Networking and security · Entry level, Mid level · Concept": a question's topic, levels and kind, as people say them. */
export function questionMeta(q: Pick<Question, 'topic' | 'levels' | 'kind'>): string {
  return `${labelOf(TOPIC_LABELS, q.topic)} · ${q.levels.map((l) => labelOf(LEVEL_LABELS, l)).join(', ')} · ${labelOf(KIND_LABELS, q.kind)}`;
}

export function Library() {
  const [filter, setFilter] = useState({ topic: '', level: '', kind: '', service: '' });
  const [questions, setQuestions] = useState<Question[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => {
      api.questions(filter).then(
        (q) => {
          setQuestions(q);
          setError('');
        },
        (e: Error) => setError(e.message),
      );
    }, 150);
    return () => clearTimeout(timer);
  }, [filter]);
  const set = (key: keyof typeof filter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));
  return (
    <section>
      <h1>Question library</h1>
      <form className="filters" role="search" aria-label="Filter questions" onSubmit={(e) => e.preventDefault()}>
        <Select id="topic" label="Topic" value={filter.topic} options={TOPICS} labels={TOPIC_LABELS} onChange={set('topic')} />
        <Select id="level" label="Level" value={filter.level} options={LEVELS} labels={LEVEL_LABELS} onChange={set('level')} />
        <Select id="kind" label="Kind" value={filter.kind} options={KINDS} labels={KIND_LABELS} onChange={set('kind')} />
        <div className="field">
          <label htmlFor="service">Service</label>
          <input id="service" type="search" placeholder="e.g. SQS" value={filter.service} onChange={(e) => set('service')(e.target.value)} />
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p aria-live="polite" className="count">
        {questions ? `${questions.length} question${questions.length === 1 ? '' : 's'}` : 'Loading…'}
      </p>
      <ul className="questions">
        {questions?.map((q) => (
          <li key={q.id}>
            <a href={`#/questions/${encodeURIComponent(q.id)}`}>{promptTitle(q.prompt)}</a>
            <span className="meta">
              {questionMeta(q)}
              {q.source === 'yours' && (
                <>
                  {' '}
                  · <span className="badge">yours</span>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
