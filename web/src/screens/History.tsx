import { useEffect, useState } from 'react';
import { progressApi, sessionsApi, type Progress, type SessionSummary } from '../api';
import { LineChart } from '../components/Charts';
import { FINDING_LABELS, labelOf, LEVEL_LABELS, ROLE_LABELS, TOPIC_LABELS } from '../labels';
import { promptTitle } from '../prompt';
import { DeliveryTrendTable } from '../speech/SpokenReport';
import type { DeliveryMeasures, DeliveryTrend, ProgressDelivery } from '../speech/spoken-api';

/** Every interview, newest first (continue an unfinished one or read its report), and progress over time. */
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
      {sessions === null ? <p>Loading…</p> : sessions.length === 0 ? <p>No interviews yet.</p> : (
        <ul className="questions">
          {sessions.map((s) => (
            <li key={s.id}>
              <a href={`#/interview/${encodeURIComponent(s.id)}`}>
                {new Date(s.createdAt).toLocaleString()} · {labelOf(ROLE_LABELS, s.role)} · {labelOf(LEVEL_LABELS, s.level)}
              </a>
              <span className="meta">{s.status === 'finished' ? `finished · ${s.score ?? '–'}/100` : `in progress · ${s.answered} of ${s.total} answered · continue`}</span>
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
      <DeliveryOverTime progress={progress as Progress & Partial<ProgressDelivery>} />
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
          <DeliverySideBySide measures={(q as Partial<ProgressDelivery['questions'][number]>).delivery} />
          <Changes title="Now covers" items={q.improved} />
          <Changes title="No longer covers" items={q.lost} />
          <Changes title="Habits gone" items={q.habitsDropped.map((h) => labelOf(FINDING_LABELS, h))} />
          <Changes title="New habits" items={q.habitsAdded.map((h) => labelOf(FINDING_LABELS, h))} />
          {q.improved.length + q.lost.length + q.habitsDropped.length + q.habitsAdded.length === 0 && <p>Same points and habits as the first attempt.</p>}
        </article>
      ))}
    </>
  );
}

/** One kind of change between the first and latest attempts, one item a line; nothing when empty. */
function Changes({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="changes">{items.map((item) => <li key={item}>{item}</li>)}</ul>
    </>
  );
}

/** Words a minute, fillers a minute and long pauses of every spoken answer: a chart by day and the answers in a table. */
function DeliveryOverTime({ progress }: { progress: Progress & Partial<ProgressDelivery> }) {
  const trend = progress.delivery;
  if (!trend?.mean) return null;
  const byDay = (pick: (a: DeliveryTrend['answers'][number]) => number) => {
    const days = new Map<string, number[]>();
    for (const a of trend.answers) days.set(a.answeredAt.slice(0, 10), [...(days.get(a.answeredAt.slice(0, 10)) ?? []), pick(a)]);
    return [...days.entries()].map(([date, values]) => ({ date, value: Math.round((values.reduce((x, y) => x + y, 0) / values.length) * 10) / 10 }));
  };
  return (
    <>
      <h2>Delivery over time</h2>
      <LineChart title="Words a minute, by day (aim for about 130–170)" series={[{ name: 'Words a minute', points: byDay((a) => a.wordsPerMinute) }]} unit="words a minute" />
      <LineChart title="Fillers a minute and long pauses, by day" series={[{ name: 'Fillers a minute (approximate)', points: byDay((a) => a.fillersPerMinute) }, { name: 'Long pauses', points: byDay((a) => a.longPauses) }]} unit="per answer" />
      <DeliveryTrendTable trend={trend} caption="Your spoken answers, oldest first" label={(a) => `${new Date(a.answeredAt).toLocaleString()} · ${a.questionId}`} />
    </>
  );
}

/** A repeated question's delivery, attempt by attempt (typed attempts shown as such). */
function DeliverySideBySide({ measures }: { measures?: ProgressDelivery['questions'][number]['delivery'] }) {
  if (!measures?.some((m) => m !== null)) return null;
  const cell = (pick: (m: DeliveryMeasures) => number) => measures.map((m, i) => <td key={i}>{m ? pick(m) : 'typed'}</td>);
  return (
    <table className="delivery-comparison">
      <caption>Delivery, attempt by attempt</caption>
      <thead><tr><th scope="col">Measure</th>{measures.map((_, i) => <th key={i} scope="col">Attempt {i + 1}</th>)}</tr></thead>
      <tbody>
        <tr><th scope="row">Words a minute</th>{cell((m) => m.wordsPerMinute)}</tr>
        <tr><th scope="row">Fillers a minute (approx.)</th>{cell((m) => m.fillersPerMinute)}</tr>
        <tr><th scope="row">Long pauses</th>{cell((m) => m.longPauses)}</tr>
      </tbody>
    </table>
  );
}
