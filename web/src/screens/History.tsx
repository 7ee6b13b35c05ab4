import { useEffect, useState } from 'react';
import { progressApi, sessionsApi, type Progress, type SessionSummary } from '../api';
import { LineChart } from '../components/Charts';
import { FINDING_LABELS, labelOf, LEVEL_LABELS, ROLE_LABELS, TOPIC_LABELS } from '../labels';
import { promptTitle } from '../prompt';
import { ChangesBetween } from '../components/AttemptChanges';

/** Every interview and every question practised alone, newest first (continue an unfinished interview or read a report), and progress over time. */
export function History() {
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    sessionsApi.history().then(setSessions, (e: Error) => setError(e.message));
    progressApi.progress().then(setProgress, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert" className="error">{error}</p>;
  return (
    <section className="history">
      <h1>History</h1>
      {sessions === null ? <p>Loading…</p> : sessions.length === 0 ? <p>No answers yet: practise a question or start a mock interview.</p> : (
        <ul className="questions">
          {sessions.map((s) => (
            <li key={s.id}>
              {s.kind === 'practice' ? (
                <>
                  <a href={`#/interview/${encodeURIComponent(s.id)}`}>{new Date(s.createdAt).toLocaleString()} · Practised: {promptTitle(s.title ?? '')}</a>
                  <span className="meta">{s.score ?? '–'}/100</span>
                </>
              ) : (
                <>
                  <a href={`#/interview/${encodeURIComponent(s.id)}`}>
                    {new Date(s.createdAt).toLocaleString()} · Interview · {labelOf(ROLE_LABELS, s.role)} · {labelOf(LEVEL_LABELS, s.level)}
                  </a>
                  <span className="meta">{s.status === 'finished' ? `finished · ${s.score ?? '–'}/100${s.skipped ? ` · ${s.skipped} skipped` : ''}` : `in progress · ${s.answered} of ${s.total} answered · continue`}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {progress && <ProgressView progress={progress} />}
    </section>
  );
}

function ProgressView({ progress }: { progress: Progress }) {
  const topics = Object.entries(progress.topics).map(([name, points]) => ({ name: labelOf(TOPIC_LABELS, name), points: points.map((p) => ({ date: p.date, value: p.score })) }));
  const habits = Object.entries(progress.habits).map(([name, points]) => ({ name: labelOf(FINDING_LABELS, name), points: points.map((p) => ({ date: p.date, value: p.count })) }));
  const { streak } = progress;
  return (
    <>
      <h2>Progress</h2>
      <p>
        Streak: {streak.current} day{streak.current === 1 ? '' : 's'} (longest {streak.longest}); {streak.daysPractised} day{streak.daysPractised === 1 ? '' : 's'} practised.
      </p>
      {topics.length === 0 ? <p>Answer a few questions to see your scores over time.</p> : <LineChart title="Average score per topic, by day" series={topics} max={100} unit="score out of 100" />}
      {habits.length === 0 ? <p>No habits raised so far.</p> : <LineChart title="Habits raised per day" series={habits} unit="times raised" />}
      <h2>Attempts side by side</h2>
      {progress.questions.length === 0 ? <p>Answer a question again to compare your attempts here.</p> : progress.questions.map((q) => (
        <article key={q.questionId} className="compare" aria-labelledby={`compare-${q.questionId}`}>
          <h3 id={`compare-${q.questionId}`}><a href={`#/questions/${encodeURIComponent(q.questionId)}`}>{promptTitle(q.prompt)}</a></h3>
          <div className="attempts">
            {q.attempts.map((a, i) => (
              <div key={`${a.date}-${i}`} className="attempt">
                <p className="meta">Attempt {i + 1} · {a.date} · <strong>{a.score}/100</strong></p>
                <p className="answer">{a.answer}</p>
              </div>
            ))}
          </div>
          <ChangesBetween changes={q} />
        </article>
      ))}
    </>
  );
}
