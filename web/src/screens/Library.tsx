import { useEffect, useState } from 'react';
import { LEVELS, QUESTION_KINDS as KINDS, TOPICS } from '../../../src/core/types';
import { api, type Question } from '../api';


function Select(props: { id: string; label: string; value: string; options: readonly string[]; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Any</option>
        {props.options.map((o) => (
          <option key={o} value={o}>{o}</option>
        ))}
      </select>
    </div>
  );
}

export function Library() {
  const [filter, setFilter] = useState({ topic: '', level: '', kind: '', service: '' });
  const [questions, setQuestions] = useState<Question[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => {
      api.questions(filter).then((q) => { setQuestions(q); setError(''); }, (e: Error) => setError(e.message));
    }, 150);
    return () => clearTimeout(timer);
  }, [filter]);
  const set = (key: keyof typeof filter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));
  return (
    <section>
      <h1>Question library</h1>
      <form className="filters" role="search" aria-label="Filter questions" onSubmit={(e) => e.preventDefault()}>
        <Select id="topic" label="Topic" value={filter.topic} options={TOPICS} onChange={set('topic')} />
        <Select id="level" label="Level" value={filter.level} options={LEVELS} onChange={set('level')} />
        <Select id="kind" label="Kind" value={filter.kind} options={KINDS} onChange={set('kind')} />
        <div className="field">
          <label htmlFor="service">Service</label>
          <input id="service" type="search" placeholder="e.g. SQS" value={filter.service} onChange={(e) => set('service')(e.target.value)} />
        </div>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      <p aria-live="polite" className="count">{questions ? `${questions.length} question${questions.length === 1 ? '' : 's'}` : 'Loading…'}</p>
      <ul className="questions">
        {questions?.map((q) => (
          <li key={q.id}>
            <a href={`#/questions/${encodeURIComponent(q.id)}`}>{q.prompt}</a>
            <span className="meta">{q.topic} · {q.levels.join('/')} · {q.kind}{q.source === 'yours' && <> · <span className="badge">yours</span></>}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
