import { useEffect, useState } from 'react';
import { sessionsApi, type SessionSummary } from '../api';

/** Every interview, newest first: continue an unfinished one or read its report. */
export function History() {
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    sessionsApi.history().then(setSessions, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert" className="error">{error}</p>;
  return (
    <section>
      <h1>History</h1>
      {sessions === null ? <p>Loading…</p> : sessions.length === 0 ? <p>No interviews yet.</p> : (
        <ul className="questions">
          {sessions.map((s) => (
            <li key={s.id}>
              <a href={`#/interview/${encodeURIComponent(s.id)}`}>
                {new Date(s.createdAt).toLocaleString()} · {s.role} · {s.level}
              </a>
              <span className="meta">{s.status === 'finished' ? `finished · ${s.score ?? '–'}/100` : `in progress · ${s.answered} of ${s.total} answered`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
