import { useEffect, useState } from 'react';
import { progressApi, sessionsApi, type PracticeSuggestion, type Progress, type SessionSummary } from '../api';
import { TailorPanel } from '../components/TailorPanel';
import { promptTitle } from '../prompt';
import { ROLES } from '../../../src/core/session/plan';
import { LEVELS, TOPICS } from '../../../src/core/types';
import { labelOf, LEVEL_LABELS, ROLE_LABELS, TOPIC_LABELS } from '../labels';

/** Start a mock interview: the server plans it (weak topics sooner, mastered questions later). */
function StartInterview() {
  const [role, setRole] = useState('solutions-architect');
  const [level, setLevel] = useState('mid');
  const [count, setCount] = useState(3);
  const [topics, setTopics] = useState<string[]>([]);
  const [withExercise, setWithExercise] = useState(false);
  const [error, setError] = useState('');
  const start = async () => {
    try {
      const { session } = await sessionsApi.start({ role, level, count, ...(topics.length ? { topics } : {}), exercise: withExercise });
      window.location.hash = `#/interview/${encodeURIComponent(session.id)}`;
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      className="filters start"
      aria-label="Start a mock interview"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <div className="field">
        <label htmlFor="role">Role</label>
        <select id="role" value={role} onChange={(e) => setRole(e.target.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="level">Level</label>
        <select id="level" value={level} onChange={(e) => setLevel(e.target.value)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="count">Questions</label>
        <input id="count" type="number" min={1} max={20} value={count} onChange={(e) => setCount(Number(e.target.value))} />
      </div>
      <fieldset className="topics">
        <legend>Topics (none ticked: all, weighted to the role)</legend>
        {TOPICS.map((t) => (
          <label key={t}>
            <input
              type="checkbox"
              checked={topics.includes(t)}
              onChange={(e) => setTopics((list) => (e.target.checked ? [...list, t] : list.filter((x) => x !== t)))}
            />{' '}
            {TOPIC_LABELS[t]}
          </label>
        ))}
      </fieldset>
      <label className="exercise-option">
        <input type="checkbox" checked={withExercise} onChange={(e) => setWithExercise(e.target.checked)} /> Include a hands-on exercise (a policy, template,
        network or handler to write, when one fits the job)
      </label>
      <button type="submit" className="primary">
        Start a mock interview
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

/** Today at a glance: the question due for re-practice, an interview to continue, and how practice is going. */
function Today() {
  const [suggestion, setSuggestion] = useState<PracticeSuggestion | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  useEffect(() => {
    // Home works without these: a failed request only leaves the section shorter.
    progressApi.suggestion().then(
      (r) => setSuggestion(r.suggestion),
      () => undefined,
    );
    progressApi.progress().then(setProgress, () => undefined);
    sessionsApi.history().then(setSessions, () => undefined);
  }, []);
  const unfinished = sessions.find((s) => s.status === 'in-progress');
  const finished = sessions.filter((s) => s.kind !== 'practice' && s.status === 'finished' && s.score !== null);
  const recent = finished.slice(0, 5);
  const average = recent.length ? Math.round(recent.reduce((n, s) => n + (s.score ?? 0), 0) / recent.length) : null;
  const latestByTopic = Object.entries(progress?.topics ?? {}).map(([topic, points]) => ({ topic, score: points.at(-1)?.score ?? 0 }));
  const weakest = latestByTopic.sort((a, b) => a.score - b.score)[0];
  return (
    <section className="today" aria-labelledby="today-heading">
      <h2 id="today-heading">Today</h2>
      {suggestion && (
        <p className="suggestion">
          <strong>Suggested:</strong> {promptTitle(suggestion.prompt)} <span className="meta">{suggestion.reason}</span>{' '}
          {'exerciseId' in suggestion ? (
            <a className="button" href={`#/exercises/${encodeURIComponent(suggestion.exerciseId)}`}>
              Do the exercise
            </a>
          ) : (
            <a className="button" href={`#/practise/${encodeURIComponent(suggestion.questionId)}`}>
              Practise it
            </a>
          )}
        </p>
      )}
      {unfinished && (
        <p>
          You have an unfinished interview (
          {unfinished.answered + unfinished.skipped >= unfinished.total
            ? `every question answered; a follow-up is waiting`
            : `${unfinished.answered} of ${unfinished.total} questions answered`}
          ).{' '}
          <a className="button" href={`#/interview/${encodeURIComponent(unfinished.id)}`}>
            Continue it
          </a>
        </p>
      )}
      {progress && progress.streak.daysPractised > 0 && (
        <ul className="glance">
          <li>
            <strong>{progress.streak.current}</strong> day streak
          </li>
          {finished.length > 0 && (
            <li>
              <strong>{finished.length}</strong> interview{finished.length === 1 ? '' : 's'} finished
            </li>
          )}
          {average !== null && (
            <li>
              <strong>{average}</strong>/100 average of the last {recent.length}
            </li>
          )}
          {weakest && (
            <li>
              Weakest topic: <strong>{labelOf(TOPIC_LABELS, weakest.topic)}</strong> ({weakest.score})
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

/** Home's first words; `team`: the app is served by a team server, not this machine. */
export function Home({ team = false }: { team?: boolean }) {
  return (
    <section className="home">
      <h1>Practise AWS interviews with feedback you can act on</h1>
      <p className="lead">
        Answer a question the way you would in the room. Loop Coach shows, while you type, which of your sentences earn credit and how many points of a strong
        answer they cover, whether your answer has the shape interviewers listen for, and the habits that sink candidates. The points themselves, the model
        answer and the pitfalls come after you submit, as in a real interview.{' '}
        {team
          ? 'Your answers, exercise results and saved documents are stored on this team server, and a coach sees only what you chose to share with their cohort. Recordings and camera frames are analysed in your browser and never leave your device.'
          : 'Everything runs on this machine.'}
      </p>
      <Today />
      <h2>Mock interview</h2>
      <StartInterview />
      <p>
        Or <a href="#/library">choose a question</a> from the library and practise it alone.
      </p>
      <h2>Grade a question you were asked</h2>
      <p>
        Just out of an interview? <a href="#/grade">Grade any question</a>: paste the question and your answer, and see what to say next time.
      </p>
      <h2>Interview for a specific job</h2>
      <p>
        Paste the job posting and add your résumé: Loop Coach plans the interview that job would give you, says why each question is there, and asks about the
        numbers your résumé claims.
      </p>
      <TailorPanel team={team} />
      <h2>How your answer is judged</h2>
      <ul className="plain">
        <li>
          <strong>Substance:</strong> the rubric points a strong answer covers, each matched to the sentence of yours that covers it.
        </li>
        <li>
          <strong>Structure:</strong> context, choice, trade-off and result for technical answers; situation, task, action and result for stories.
        </li>
        <li>
          <strong>Habits:</strong> service dumps, definitions instead of decisions, buzzwords, "it depends" without saying on what, no downside, no numbers, no
          ownership.
        </li>
      </ul>
    </section>
  );
}
