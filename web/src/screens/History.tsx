import { useEffect, useState } from 'react';
import { progressApi, sessionsApi, type Progress, type SessionSummary } from '../api';
import { LineChart } from '../components/Charts';
import { FINDING_LABELS, labelOf, LEVEL_LABELS, ROLE_LABELS, TOPIC_LABELS } from '../labels';
import { promptTitle } from '../prompt';
import { DeliveryTrendTable } from '../speech/SpokenReport';
import type { DeliveryMeasures, DeliveryTrend, ProgressDelivery } from '../speech/spoken-api';
import { ChangesBetween } from '../components/AttemptChanges';
import { exerciseApi, type ExerciseAttemptRecord } from '../exercise-api';
import type { CameraMeasures, CameraTrend } from '../../../src/core/camera/trend';

/** Every interview and every question practised alone, newest first (continue an unfinished interview or read a report), and progress over time. */
export function History() {
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [exerciseAttempts, setExerciseAttempts] = useState<ExerciseAttemptRecord[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    sessionsApi.history().then(setSessions, (e: Error) => setError(e.message));
    exerciseApi.attempts().then(setExerciseAttempts, () => setExerciseAttempts([]));
    progressApi.progress().then(setProgress, (e: Error) => setError(e.message));
  }, []);
  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  return (
    <section className="history">
      <h1>History</h1>
      {sessions === null ? (
        <p>Loading…</p>
      ) : sessions.length === 0 ? (
        <p>No answers yet: practise a question or start a mock interview.</p>
      ) : (
        <ul className="questions">
          {sessions.map((s) => (
            <li key={s.id}>
              {s.kind === 'practice' ? (
                <>
                  <a href={`#/interview/${encodeURIComponent(s.id)}`}>
                    {new Date(s.createdAt).toLocaleString()} · Practised: {promptTitle(s.title ?? '')}
                  </a>
                  <span className="meta">{s.score ?? '–'}/100</span>
                </>
              ) : (
                <>
                  <a href={`#/interview/${encodeURIComponent(s.id)}`}>
                    {new Date(s.createdAt).toLocaleString()} · Interview · {labelOf(ROLE_LABELS, s.role)} · {labelOf(LEVEL_LABELS, s.level)}
                  </a>
                  <span className="meta">
                    {s.status === 'finished'
                      ? `finished · ${s.score ?? '–'}/100${s.skipped ? ` · ${s.skipped} skipped` : ''}`
                      : `in progress · ${s.answered} of ${s.total} answered · continue`}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ExerciseAttempts attempts={exerciseAttempts} />
      {progress && <ProgressView progress={progress} />}
    </section>
  );
}

/** Every checked exercise submission, newest first: the verdict, each check, and what was submitted. */
function ExerciseAttempts({ attempts }: { attempts: ExerciseAttemptRecord[] | null }) {
  return (
    <>
      <h2>Exercise attempts</h2>
      {attempts === null ? (
        <p>Loading…</p>
      ) : attempts.length === 0 ? (
        <p>
          No exercises checked yet: <a href="#/exercises">try one</a>.
        </p>
      ) : (
        <ul className="questions exercise-attempts">
          {attempts.map((a) => {
            const passedCount = a.result.checks.filter((c) => c.passed).length;
            return (
              <li key={a.id}>
                <a href={`#/exercises/${encodeURIComponent(a.exerciseId)}`}>{promptTitle(a.prompt.split('\n')[0] ?? a.exerciseId)}</a>
                <span className="meta">
                  {new Date(a.checkedAt).toLocaleString()} · {a.kind} · {a.result.passed ? 'passed' : 'not yet'} · {passedCount} of {a.result.checks.length}{' '}
                  checks{a.sessionId ? ' · in an interview' : ''}
                </span>
                <details>
                  <summary>Checks and submission</summary>
                  <ul className="exercise-checks">
                    {a.result.checks.map((c, i) => (
                      <li key={i} className={c.passed ? 'pass' : 'fail'}>
                        <strong>{c.passed ? 'Pass' : 'Fail'}</strong> <code>{c.check}</code>
                        {!c.passed && (
                          <div>
                            {c.line ? `Line ${c.line}: ` : ''}
                            {c.message}
                          </div>
                        )}
                      </li>
                    ))}
                  </ul>
                  <pre>
                    <code>{a.submission}</code>
                  </pre>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function ProgressView({ progress }: { progress: Progress }) {
  const topics = Object.entries(progress.topics).map(([name, points]) => ({
    name: labelOf(TOPIC_LABELS, name),
    points: points.map((p) => ({ date: p.date, value: p.score })),
  }));
  const habits = Object.entries(progress.habits).map(([name, points]) => ({
    name: labelOf(FINDING_LABELS, name),
    points: points.map((p) => ({ date: p.date, value: p.count })),
  }));
  const { streak } = progress;
  return (
    <>
      <h2>Progress</h2>
      <p>
        Streak: {streak.current} day{streak.current === 1 ? '' : 's'} (longest {streak.longest}); {streak.daysPractised} day
        {streak.daysPractised === 1 ? '' : 's'} practised.
      </p>
      {topics.length === 0 ? (
        <p>Answer a few questions to see your scores over time.</p>
      ) : (
        <LineChart title="Average score per topic, by day" series={topics} max={100} unit="score out of 100" />
      )}
      {habits.length === 0 ? <p>No habits raised so far.</p> : <LineChart title="Habits raised per day" series={habits} unit="times raised" />}
      <DeliveryOverTime progress={progress as Progress & Partial<ProgressDelivery>} />
      <CameraOverTime trend={progress.camera} />
      {progress.exercises.length > 0 && (
        <>
          <h2>Exercises over time</h2>
          <ul className="plain">
            {progress.exercises.map((e) => (
              <li key={e.exerciseId}>
                <a href={`#/exercises/${encodeURIComponent(e.exerciseId)}`}>{promptTitle(e.prompt.split('\n')[0] ?? e.exerciseId)}</a>:{' '}
                {e.attempts.map((a) => `${a.score}%${a.passed ? ' ✓' : ''}`).join(' → ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Attempts side by side</h2>
      {progress.questions.length === 0 ? (
        <p>Answer a question again to compare your attempts here.</p>
      ) : (
        progress.questions.map((q) => (
          <article key={q.questionId} className="compare" aria-labelledby={`compare-${q.questionId}`}>
            <h3 id={`compare-${q.questionId}`}>
              <a href={`#/questions/${encodeURIComponent(q.questionId)}`}>{promptTitle(q.prompt)}</a>
            </h3>
            <div className="attempts">
              {q.attempts.map((a, i) => (
                <div key={`${a.date}-${i}`} className="attempt">
                  <p className="meta">
                    Attempt {i + 1} · {a.date} · <strong>{a.score}/100</strong>
                  </p>
                  <p className="answer">{a.answer}</p>
                </div>
              ))}
            </div>
            <DeliverySideBySide measures={(q as Partial<ProgressDelivery['questions'][number]>).delivery} />
            <CameraSideBySide measures={q.camera} />
            <ChangesBetween changes={q} />
          </article>
        ))
      )}
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
      <LineChart
        title="Words a minute, by day (aim for about 130–170)"
        series={[{ name: 'Words a minute', points: byDay((a) => a.wordsPerMinute) }]}
        unit="words a minute"
      />
      <LineChart
        title="Fillers a minute and long pauses, by day"
        series={[
          { name: 'Fillers a minute (approximate)', points: byDay((a) => a.fillersPerMinute) },
          { name: 'Long pauses', points: byDay((a) => a.longPauses) },
        ]}
        unit="per answer"
      />
      <DeliveryTrendTable
        trend={trend}
        caption="Your spoken answers, oldest first"
        label={(a) => `${new Date(a.answeredAt).toLocaleString()} · ${a.questionId}`}
      />
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
      <thead>
        <tr>
          <th scope="col">Measure</th>
          {measures.map((_, i) => (
            <th key={i} scope="col">
              Attempt {i + 1}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Words a minute</th>
          {cell((m) => m.wordsPerMinute)}
        </tr>
        <tr>
          <th scope="row">Fillers a minute (approx.)</th>
          {cell((m) => m.fillersPerMinute)}
        </tr>
        <tr>
          <th scope="row">Long pauses</th>
          {cell((m) => m.longPauses)}
        </tr>
      </tbody>
    </table>
  );
}

const CAMERA_ROWS: Array<{ name: string; pick: (m: CameraMeasures) => number }> = [
  { name: 'Looking at the screen (%)', pick: (m) => m.lookingAtScreenPct },
  { name: 'Face visible (%)', pick: (m) => m.faceVisiblePct },
  { name: 'Well framed (%)', pick: (m) => m.wellFramedPct },
  { name: 'Fidgeting (%)', pick: (m) => m.fidgetingPct },
];

/** Looking at the screen, face visible, well framed and fidgeting of every answer recorded on camera: a chart by day and the answers in a table. */
function CameraOverTime({ trend }: { trend?: CameraTrend }) {
  if (!trend?.mean) return null;
  const mean = trend.mean;
  const byDay = (pick: (m: CameraMeasures) => number) => {
    const days = new Map<string, number[]>();
    for (const a of trend.answers) days.set(a.answeredAt.slice(0, 10), [...(days.get(a.answeredAt.slice(0, 10)) ?? []), pick(a)]);
    return [...days.entries()].map(([date, values]) => ({ date, value: Math.round(values.reduce((x, y) => x + y, 0) / values.length) }));
  };
  return (
    <>
      <h2>On camera over time</h2>
      <p className="hint">&ldquo;Looking at the screen&rdquo; is what the camera can tell from your head and eyes, not eye contact with an interviewer.</p>
      <LineChart
        title="On camera, by day (% of the answer)"
        series={CAMERA_ROWS.map((row) => ({ name: row.name, points: byDay(row.pick) }))}
        max={100}
        unit="percent"
      />
      <table className="camera-trend">
        <caption>Your answers recorded on camera, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            {CAMERA_ROWS.map((row) => (
              <th key={row.name} scope="col">
                {row.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trend.answers.map((a) => (
            <tr key={a.attemptId}>
              <th scope="row">
                {new Date(a.answeredAt).toLocaleString()} · {a.questionId}
                {a.isUnreliable ? ' (unreliable signal)' : ''}
              </th>
              {CAMERA_ROWS.map((row) => (
                <td key={row.name}>{row.pick(a)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Mean</th>
            {CAMERA_ROWS.map((row) => (
              <td key={row.name}>{row.pick(mean)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </>
  );
}

/** A repeated question's camera measures, attempt by attempt (attempts without the camera shown as such). */
function CameraSideBySide({ measures }: { measures?: Array<CameraMeasures | null> }) {
  if (!measures?.some((m) => m !== null)) return null;
  return (
    <table className="camera-comparison">
      <caption>On camera, attempt by attempt</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          {measures.map((_, i) => (
            <th key={i} scope="col">
              Attempt {i + 1}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {CAMERA_ROWS.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            {measures.map((m, i) => (
              <td key={i}>{m ? row.pick(m) : 'no camera'}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
