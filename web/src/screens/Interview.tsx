import { useCallback, useEffect, useState } from 'react';
import { sessionsApi, type Feedback, type PendingPrompt, type SessionExercise, type SessionReport } from '../api';
import { exerciseApi } from '../exercise-api';
import { ExerciseWorkspace } from './Exercises';
import { AnswerForm } from '../components/AnswerForm';
import { FullFeedback } from '../components/feedback-parts';
import { LivePanel, Timer, useLiveFeedback } from '../components/LiveFeedback';
import { Prompt } from '../components/Prompt';
import { FINDING_LABELS, labelOf, TOPIC_LABELS } from '../labels';
import { RecordPanel, type SpokenAnswer } from '../speech/RecordPanel';
import { SpokenReview } from '../speech/SpokenReview';
import { SpokenReport } from '../speech/SpokenReport';
import { keepIfChosen, speechApi, spokenInputOf, type SessionReportView } from '../speech/spoken-api';

/**
 * A mock interview: one prompt at a time (follow-ups included), feedback after each, then the
 * report. Until the report, no rubric point is shown, not even a missed one: it may be what the
 * next follow-up asks about.
 */
export function Interview({ id }: { id: string }) {
  const [next, setNext] = useState<PendingPrompt | null>(null);
  const [report, setReport] = useState<{ report: SessionReport; modelAnswers: Record<string, string | null>; isPractice?: boolean } | null>(null);
  const [last, setLast] = useState<Feedback | null>(null);
  const [answer, setAnswer] = useState('');
  const [startedAt, setStartedAt] = useState(() => new Date().toISOString());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [spoken, setSpoken] = useState<SpokenAnswer | null>(null);
  const [lastSpoken, setLastSpoken] = useState<{ spoken: SpokenAnswer; isEdited: boolean } | null>(null);
  const [notice, setNotice] = useState('');
  const { live, liveError } = useLiveFeedback(next && !busy ? (text, signal) => sessionsApi.preview(id, text, signal) : null, answer);
  // The interview's hands-on exercise (when the role fits): offered once the questions are done.
  const [exercise, setExercise] = useState<SessionExercise | null>(null);
  const [exerciseOpen, setExerciseOpen] = useState(false);

  const load = useCallback(
    () =>
      sessionsApi.get(id).then(
        (s) => {
          setNext(s.next);
          setReport(s.next ? null : { report: s.report, modelAnswers: s.modelAnswers, isPractice: s.session.kind === 'practice' });
          setExercise(s.exercise ?? null);
          if (!s.next && s.exercise && s.exercise.attempts.length === 0) setExerciseOpen(true);
        },
        (e: Error) => setError(e.message),
      ),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const answerSpoken = async (recorded: SpokenAnswer) => {
    const saved = await speechApi.answer(id, answer, startedAt, spokenInputOf(recorded.analysis, recorded.camera));
    setNotice('');
    await keepIfChosen(saved.attemptId, recorded.audio).catch((e: Error) => setNotice(`Your answer was saved, but not its recording: ${e.message}`));
    return saved;
  };

  const submit = async () => {
    if (!answer.trim() || busy) return;
    setBusy(true);
    try {
      // A spoken answer is saved with its transcript and delivery; its audio only if the user keeps recordings.
      const result = spoken ? await answerSpoken(spoken) : await sessionsApi.answer(id, answer, startedAt);
      setLast(result.feedback);
      setLastSpoken(spoken ? { spoken, isEdited: answer.trim() !== spoken.analysis.transcript.trim() } : null);
      setSpoken(null);
      setAnswer('');
      setStartedAt(new Date().toISOString());
      if (result.finished || !result.next) await load();
      else setNext(result.next);
      document.getElementById('interview-answer')?.focus();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  /** Skip (kept as skipped) or end the interview now (the report covers what was answered). */
  const skip = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await sessionsApi.skip(id);
      setAnswer('');
      setSpoken(null);
      setStartedAt(new Date().toISOString());
      if (result.finished || !result.next) await load();
      else setNext(result.next);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const end = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const ended = await sessionsApi.end(id);
      setNext(null);
      setReport({ report: ended.report, modelAnswers: ended.modelAnswers });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (report && exercise && exerciseOpen) {
    return (
      <section className="interview-exercise" aria-label="Hands-on exercise">
        <p className="meta">Hands-on exercise: the last part of this interview</p>
        <ExerciseWorkspace
          exercise={exercise.exercise}
          initial={exercise.attempts.at(-1)?.submission}
          check={(submission) => exerciseApi.checkInSession(id, submission)}
          closeLabel="See the interview report →"
          onClose={() => void load().then(() => setExerciseOpen(false))}
        />
      </section>
    );
  }
  if (report)
    return (
      <Report
        report={report.report}
        modelAnswers={report.modelAnswers}
        isPractice={report.isPractice}
        exercise={exercise}
        onOpenExercise={() => setExerciseOpen(true)}
        onChanged={() => void load()}
      />
    );
  if (!next) return <p>Loading…</p>;
  return (
    <section className="interview">
      <div className="question-head">
        <div className="prompt">
          <p className="meta">
            Question {next.position} of {next.total}
            {next.parentAttemptId ? ' · follow-up' : ''}
          </p>
          <Prompt text={next.prompt} heading={(first) => <h1>{first}</h1>} />
        </div>
        <Timer running={!busy} resetKey={`${next.questionId}/${next.prompt}`} />
      </div>
      <div className="workspace">
        <div>
          <RecordPanel key={`${next.questionId}/${next.prompt}`} kind="" onTranscript={setAnswer} onRecorded={setSpoken} canKeepRecordings />
          <AnswerForm
            id="interview-answer"
            rows={12}
            value={answer}
            onChange={setAnswer}
            onSubmit={() => void submit()}
            hint="Feedback updates as you pause. Ctrl+Enter submits; your answer is saved as soon as you submit."
            disabled={busy}
          />
          <p className="actions interview-controls">
            <button type="button" onClick={() => void skip()} disabled={busy}>
              Skip this question
            </button>
            <button type="button" onClick={() => void end()} disabled={busy}>
              End interview
            </button>
            <span className="hint">Skipped prompts are noted in the report, not scored; ending now reports on what you answered.</span>
          </p>
        </div>
        <div>
          {liveError && (
            <p role="status" className="error">
              Live feedback paused: {liveError}
            </p>
          )}
          <LivePanel feedback={live} />
        </div>
      </div>
      {notice && (
        <p role="status" className="error">
          {notice}
        </p>
      )}
      {last && (
        <details className="last-feedback" open>
          <summary>Your last answer: {last.score}/100</summary>
          <FullFeedback feedback={last} showKey={false} />
          <p className="hint">The points you missed, and the model answer, are in the report at the end.</p>
          {lastSpoken && <SpokenReview spoken={lastSpoken.spoken} isEdited={lastSpoken.isEdited} />}
        </details>
      )}
    </section>
  );
}

/** The exercise part of the report: the latest attempt's result, check by check. */
function ExerciseReport({ exercise, onOpen }: { exercise: SessionExercise; onOpen: () => void }) {
  const latest = exercise.attempts.at(-1);
  return (
    <>
      <h2>Hands-on exercise</h2>
      <p>
        <strong>{exercise.exercise.prompt.split('\n')[0]}</strong> <span className="meta">{exercise.exercise.kind}</span>
      </p>
      {!latest ? (
        <p>Not attempted.</p>
      ) : (
        <>
          <p className="exercise-verdict">
            {latest.result.passed ? 'Passed' : 'Not yet'}: {latest.result.checks.filter((c) => c.passed).length} of {latest.result.checks.length} checks (
            {exercise.attempts.length} attempt{exercise.attempts.length === 1 ? '' : 's'})
          </p>
          <ul className="exercise-checks">
            {latest.result.checks.map((c, i) => (
              <li key={i} className={c.passed ? 'pass' : 'fail'}>
                <strong>{c.passed ? 'Pass' : 'Fail'}</strong> <code>{c.check}</code>
                {c.passed ? null : (
                  <div>
                    {c.line ? `Line ${c.line}: ` : ''}
                    {c.message}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <button type="button" onClick={onOpen}>
          {latest ? 'Work on the exercise again' : 'Do the exercise'}
        </button>
      </p>
    </>
  );
}

function Report({
  report,
  modelAnswers,
  isPractice = false,
  exercise,
  onOpenExercise,
  onChanged,
}: {
  report: SessionReport;
  modelAnswers: Record<string, string | null>;
  isPractice?: boolean;
  exercise?: SessionExercise | null;
  onOpenExercise?: () => void;
  onChanged: () => void;
}) {
  return (
    <section className="report">
      <h1>
        {isPractice ? 'Practice' : 'Interview'} report: {report.questions.length === 0 ? 'nothing answered' : `${report.score}/100`}
      </h1>
      <p>
        Substance {report.dimensions.substance} · structure {report.dimensions.structure} · habits {report.dimensions.habits}
      </p>
      <h2>Habits to work on</h2>
      {report.habits.length === 0 ? (
        <p>None: well done.</p>
      ) : (
        <ul>
          {report.habits.map((h) => (
            <li key={h.code}>
              {labelOf(FINDING_LABELS, h.code)} ({h.count}×)
            </li>
          ))}
        </ul>
      )}
      <h2>What to practise next</h2>
      {report.next.length === 0 ? (
        <p>Nothing scored under 85.</p>
      ) : (
        <ul>
          {report.next.map((n) => (
            <li key={n.topic}>
              {labelOf(TOPIC_LABELS, n.topic)} ({n.score})
            </li>
          ))}
        </ul>
      )}
      {report.skipped && report.skipped.length > 0 && (
        <>
          <h2>Skipped</h2>
          <ul className="skipped">
            {report.skipped.map((q, i) => (
              <li key={`${q.id}-${i}`}>
                {q.isFollowUp ? 'Follow-up: ' : ''}
                {q.prompt.split('\n')[0]}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Question by question</h2>
      <ol>
        {report.questions.map((q) => (
          <li key={q.id}>
            <Prompt
              text={q.prompt}
              heading={(first) => (
                <p>
                  <strong>{first}</strong> — {q.feedback.score}/100
                </p>
              )}
            />
            {q.feedback.rubric.some((r) => !r.covered) && (
              <>
                <p>Missed:</p>
                <ul className="missed">
                  {q.feedback.rubric
                    .filter((r) => !r.covered)
                    .map((r) => (
                      <li key={r.point}>{r.point}</li>
                    ))}
                </ul>
              </>
            )}
            {q.followUps.map((f) => (
              <p key={f.prompt} className="meta">
                Follow-up: {f.prompt} — {f.feedback.score}/100
              </p>
            ))}
            <details>
              <summary>Full feedback</summary>
              <FullFeedback feedback={q.feedback} showKey />
            </details>
            {modelAnswers[q.id] ? (
              <details>
                <summary>Model answer</summary>
                <p>{modelAnswers[q.id]}</p>
              </details>
            ) : (
              <p className="meta no-model-answer">
                No model answer: this question was written for you from the job posting or your résumé, and only your own facts can answer it.
              </p>
            )}
          </li>
        ))}
      </ol>
      <SpokenReport report={report as SessionReportView} onChanged={onChanged} isPractice={isPractice} />
      {exercise && <ExerciseReport exercise={exercise} onOpen={() => onOpenExercise?.()} />}
      <p>
        <a className="button" href="#/">
          Start another interview
        </a>{' '}
        <a className="button" href="#/history">
          History
        </a>
      </p>
    </section>
  );
}
