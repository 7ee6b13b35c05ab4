import { lazy, Suspense, useEffect, useState } from 'react';
import type { EditorLanguage } from '../components/CodeEditor';
import { exerciseApi, type Exercise, type ExerciseResult, type ListedExercise } from '../exercise-api';

/** The editor (CodeMirror) is loaded on demand, so the rest of the app does not pay for it. */
const CodeEditor = lazy(() => import('../components/CodeEditor'));

const KINDS: Array<[string, string]> = [
  ['', 'All kinds'],
  ['iam-policy', 'IAM policy'],
  ['cloudformation', 'CloudFormation'],
  ['vpc-reachability', 'VPC reachability'],
  ['lambda-python', 'Lambda (Python)'],
];

function languageOf(kind: Exercise['kind']): EditorLanguage {
  if (kind === 'iam-policy') return 'json';
  return kind === 'lambda-python' ? 'python' : 'yaml';
}

/** Exercises: write a policy, a template or a network, and have it checked by real evaluators. */
export function Exercises() {
  const [kind, setKind] = useState('');
  const [list, setList] = useState<ListedExercise[] | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    exerciseApi.list(kind).then(setList, (e: Error) => setError(e.message));
  }, [kind, version]);
  return (
    <section className="exercises">
      <h1>Exercises</h1>
      <p>
        Write what interviewers ask you to write: an IAM policy, a CloudFormation template, a VPC network. Each check runs your work through a real evaluator
        and says what fails and where.
      </p>
      <label htmlFor="exercise-kind">Kind</label>{' '}
      <select id="exercise-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
        {KINDS.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
      {error && <p role="alert">{error}</p>}
      {list && (
        <ul className="exercise-list">
          {list.map((e) => (
            <li key={e.id}>
              <a href={`#/exercises/${encodeURIComponent(e.id)}`}>{e.prompt.split('\n')[0]}</a>{' '}
              <span className="meta">
                {e.kind} · {e.levels.join('/')}
                {e.source === 'yours' ? ' · yours' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <YourExercises onChange={() => setVersion((v) => v + 1)} />
    </section>
  );
}

/** One shipped exercise, loaded by id. */
export function ExerciseView({ id }: { id: string }) {
  const [exercise, setExercise] = useState<Exercise | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    exerciseApi.get(id).then(setExercise, (e: Error) => setError(e.message));
  }, [id]);
  if (error) return <p role="alert">{error}</p>;
  if (!exercise) return <p>Loading…</p>;
  return <ExerciseWorkspace exercise={exercise} check={(submission) => exerciseApi.check(exercise.id, submission)} />;
}

/**
 * Your exercises, like "Your questions": import an exercise file (chosen or pasted), stored and
 * listed with the shipped ones; open, check (attempts are saved) or delete it.
 */
function YourExercises({ onChange }: { onChange: () => void }) {
  const [mine, setMine] = useState<ListedExercise[] | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const load = () => exerciseApi.mine().then(setMine, (e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);
  const importText = async (yaml: string, from: string) => {
    setError('');
    setStatus('');
    try {
      const exercise = await exerciseApi.import(yaml);
      setStatus(`Imported ${exercise.id} from ${from}.`);
      setText('');
      await load();
      onChange();
    } catch (e) {
      setError(`Nothing was imported from ${from}: ${(e as Error).message}`);
    }
  };
  const remove = async (exercise: ListedExercise) => {
    if (!window.confirm(`Delete your exercise ${exercise.id}? Your past attempts stay in your history.`)) return;
    try {
      await exerciseApi.remove(exercise.id);
      setStatus(`Deleted ${exercise.id}.`);
      await load();
      onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="own-exercise">
      <h2>Your exercises</h2>
      <p>Add an exercise file of your own (the format is in the README): it is checked, stored, and worked on like the shipped ones.</p>
      <label htmlFor="own-exercise-file">Exercise file</label>{' '}
      <input
        id="own-exercise-file"
        type="file"
        accept=".yaml,.yml,.json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void file.text().then((t) => importText(t, file.name));
        }}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void importText(text, 'the text box');
        }}
      >
        <label htmlFor="own-exercise-yaml">Or paste it</label>
        <textarea id="own-exercise-yaml" rows={8} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={!text.trim()}>
          Add
        </button>
      </form>
      <p role="status" className="status">
        {status}
      </p>
      {error && <p role="alert">{error}</p>}
      {mine && mine.length > 0 && (
        <ul className="exercise-list" aria-label="Your exercises">
          {mine.map((e) => (
            <li key={e.id}>
              <a href={`#/exercises/${encodeURIComponent(e.id)}`}>{e.prompt.split('\n')[0]}</a>{' '}
              <span className="meta">
                {e.id} · {e.kind}
              </span>{' '}
              <button type="button" onClick={() => void remove(e)} aria-label={`Delete ${e.id}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface WorkspaceProps {
  exercise: Exercise;
  check: (submission: string) => Promise<ExerciseResult>;
  onClose?: () => void;
  /** The close button's text (default: back to the list). */
  closeLabel?: string;
  /** Called with each result (the interview keeps it for its report). */
  onResult?: (result: ExerciseResult) => void;
  /** The submission to open with, instead of the starter (a saved attempt). */
  initial?: string;
}

/** One exercise: the editor on the starter, Check, each check's result, hints and the solution. */
export function ExerciseWorkspace({ exercise, check: runCheck, onClose, closeLabel, onResult, initial }: WorkspaceProps) {
  const [submission, setSubmission] = useState(initial ?? exercise.starter);
  const [result, setResult] = useState<ExerciseResult | null>(null);
  const [hintsShown, setHintsShown] = useState(0);
  const [showSolution, setShowSolution] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const check = async () => {
    setBusy(true);
    setError('');
    try {
      const checked = await runCheck(submission);
      setResult(checked);
      onResult?.(checked);
      if (checked.passed) setShowSolution(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const marks = (result?.checks ?? []).filter((c) => !c.passed && c.line).map((c) => ({ line: c.line!, message: `${c.check}: ${c.message}` }));

  return (
    <section className="exercise">
      <p>
        {onClose ? (
          <button type="button" onClick={onClose}>
            {closeLabel ?? '← Close this exercise'}
          </button>
        ) : (
          <a href="#/exercises">← All exercises</a>
        )}
      </p>
      <h1>{exercise.prompt.split('\n')[0]}</h1>
      <p className="meta">
        {exercise.kind} · {exercise.topic} · {exercise.levels.join('/')}
      </p>
      {exercise.prompt
        .split('\n')
        .slice(1)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      <h2 id="editor-label">Your answer</h2>
      <Suspense
        fallback={<textarea aria-label="Your answer" rows={20} value={submission} onChange={(e) => setSubmission(e.target.value)} spellCheck={false} />}
      >
        <CodeEditor key={exercise.id} value={submission} onChange={setSubmission} language={languageOf(exercise.kind)} marks={marks} label="Your answer" />
      </Suspense>
      <div className="actions">
        <button type="button" onClick={() => void check()} disabled={busy}>
          {busy ? 'Checking…' : 'Check'}
        </button>
        <button type="button" onClick={() => setSubmission(exercise.starter)}>
          Reset to starter
        </button>
        {hintsShown < exercise.hints.length && (
          <button type="button" onClick={() => setHintsShown(hintsShown + 1)}>
            Show a hint
          </button>
        )}
        {!showSolution && (
          <button type="button" onClick={() => setShowSolution(true)}>
            Show the solution
          </button>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
      {hintsShown > 0 && (
        <ul className="hints" aria-label="Hints">
          {exercise.hints.slice(0, hintsShown).map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
      {result && (
        <div className="results" aria-live="polite">
          <h2>
            {result.passed ? 'Passed' : 'Not yet'}: {result.checks.filter((c) => c.passed).length} of {result.checks.length} checks
          </h2>
          <ul>
            {result.checks.map((c, i) => (
              <li key={i} className={c.passed ? 'pass' : 'fail'}>
                <strong>{c.passed ? 'Pass' : 'Fail'}</strong> <code>{c.check}</code>
                <div>
                  {c.line ? `Line ${c.line}: ` : ''}
                  {c.message}
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {showSolution && (
        <div className="solution">
          <h2>Solution</h2>
          <pre>
            <code>{exercise.solution}</code>
          </pre>
          <h2>Why</h2>
          <p>{exercise.explanation}</p>
        </div>
      )}
    </section>
  );
}
