import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { labelOf, TOPIC_LABELS } from '../labels';
import { teamApi, type Comment, type DashboardRow, type Me, type Sharing, type UserRecord } from '../team-api';

/** Loads once; shows an alert on failure, `render` on success. */
function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: string; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    load().then(setData, (e: Error) => setError(e.message));
  }, [...deps, tick]);
  return { data, error, reload: () => setTick((t) => t + 1) };
}

function Loaded<T>({ state, children }: { state: { data: T | undefined; error: string }; children: (data: T) => ReactNode }) {
  if (state.error)
    return (
      <p role="alert" className="error">
        {state.error}
      </p>
    );
  if (state.data === undefined) return <p>Loading…</p>;
  return <>{children(state.data)}</>;
}

/** Team mode's sign-in form. */
export function SignIn({ me, onSignedIn }: { me: Me; onSignedIn: (me: Me) => void }) {
  const [error, setError] = useState('');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      onSignedIn(await teamApi.signIn(String(form.get('email')), String(form.get('password'))));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="team sign-in">
      <h1>Sign in to Loop Coach</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button className="primary" type="submit">
          Sign in
        </button>
      </form>
      {me.identityProvider && (
        <p>
          <a href="/api/auth/oidc/start">Sign in with your organisation</a>
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

/** The assignments of the candidate's cohorts and their coaches' comments, shown on Home. */
export function MyCoaching() {
  const assignments = useLoad(() => teamApi.myAssignments(), []);
  const comments = useLoad(() => teamApi.myComments(), []);
  return (
    <section className="team my-coaching" aria-labelledby="assignments-title">
      <h2 id="assignments-title">Assignments</h2>
      <Loaded state={assignments}>
        {(list) =>
          list.length === 0 ? (
            <p className="meta">No assignments.</p>
          ) : (
            <ul className="questions">
              {list.map((a) => (
                <li key={a.id}>
                  <strong>{a.title}</strong>
                  <span className="meta">
                    {a.cohortName} · due {a.dueAt.slice(0, 10)} ·{' '}
                    {a.spec.kind === 'questions' ? `${a.spec.questionIds.length} questions` : `a ${a.spec.count}-question mock interview`} ·{' '}
                    {a.done ? 'done' : 'to do'}
                  </span>
                  {a.spec.kind === 'questions' && (
                    <span>
                      {a.spec.questionIds.map((id) => (
                        <a key={id} href={`#/practise/${encodeURIComponent(id)}`}>
                          {id}{' '}
                        </a>
                      ))}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <h2>Comments from your coach</h2>
      <Loaded state={comments}>{(list) => (list.length === 0 ? <p className="meta">No comments yet.</p> : <CommentList comments={list} />)}</Loaded>
      <ShareAnswers />
    </section>
  );
}

/** A candidate who lets coaches see only what they share chooses answers here. */
function ShareAnswers() {
  const state = useLoad(() => teamApi.myAnswers(), []);
  const [error, setError] = useState('');
  /** Choices made here, shown at once while the server records them. */
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const toggle = async (id: string, shared: boolean) => {
    setChosen((c) => ({ ...c, [id]: shared }));
    await teamApi.share(id, shared).catch((e: Error) => {
      setChosen((c) => ({ ...c, [id]: !shared }));
      setError(e.message);
    });
  };
  return (
    <>
      <h2>Share answers with your coach</h2>
      <p className="meta">If you joined a cohort sharing only chosen answers, your coach sees just the ones ticked here.</p>
      <Loaded state={state}>
        {(answers) =>
          answers.length === 0 ? (
            <p className="meta">No answers yet.</p>
          ) : (
            <ul className="plain">
              {answers.map((a) => (
                <li key={a.id}>
                  <label>
                    <input type="checkbox" checked={chosen[a.id] ?? a.shared} onChange={(e) => void toggle(a.id, e.target.checked)} /> {a.prompt}{' '}
                    <span className="meta">
                      {a.answeredAt.slice(0, 10)} · {a.score}/100
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}

function CommentList({ comments }: { comments: Comment[] }) {
  return (
    <ul className="comments">
      {comments.map((c) => (
        <li key={c.id}>
          <blockquote>{c.sentence}</blockquote>
          <p>
            <strong>{c.authorName}:</strong> {c.body}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The cohorts a user coaches (create, invite link) and belongs to. */
export function Cohorts({ me }: { me: Me }) {
  const state = useLoad(() => teamApi.cohorts(), []);
  const [error, setError] = useState('');
  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      await teamApi.createCohort(String(new FormData(form).get('name')));
      form.reset();
      state.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const inviteUrl = (code: string) => `${window.location.origin}/#/join/${encodeURIComponent(code)}`;
  return (
    <section className="team cohorts">
      <h1>Cohorts</h1>
      <Loaded state={state}>
        {({ coaching, memberOf }) => (
          <>
            {coaching.length > 0 && <h2>You coach</h2>}
            <ul className="questions">
              {coaching.map((c) => (
                <li key={c.id}>
                  <a href={`#/cohorts/${encodeURIComponent(c.id)}`}>{c.name}</a>
                  <label className="meta">
                    Invite link <input readOnly value={inviteUrl(c.inviteCode)} aria-label={`Invite link for ${c.name}`} size={60} />
                  </label>
                </li>
              ))}
            </ul>
            {memberOf.length > 0 && <h2>You belong to</h2>}
            <ul className="questions">
              {memberOf.map((m) => (
                <Membership key={m.cohortId} membership={m} onChange={state.reload} onError={setError} />
              ))}
            </ul>
          </>
        )}
      </Loaded>
      {me.user?.role !== 'candidate' && (
        <form onSubmit={(e) => void create(e)} className="actions">
          <label htmlFor="cohort-name">New cohort</label>
          <input id="cohort-name" name="name" required maxLength={200} />
          <button className="primary" type="submit">
            Create cohort
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

/** One cohort the user belongs to: what its coach may see (changeable at any time), and leaving it. */
function Membership({
  membership,
  onChange,
  onError,
}: {
  membership: { cohortId: string; cohortName: string; sharing: Sharing };
  onChange: () => void;
  onError: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const run = (action: Promise<unknown>) => action.then(onChange, (e: Error) => onError(e.message));
  const name = membership.cohortName;
  return (
    <li className="membership">
      <strong>{name}</strong>
      <label>
        Your coach sees{' '}
        <select
          aria-label={`What the coach of ${name} sees`}
          value={membership.sharing}
          onChange={(e) => void run(teamApi.changeSharing(membership.cohortId, e.target.value as Sharing))}
        >
          <option value="all">all your practice</option>
          <option value="shared">only the answers you share</option>
        </select>
      </label>
      {confirming ? (
        <span role="group" aria-label={`Leave ${name}?`}>
          {' '}
          Your coach will no longer see anything of yours.{' '}
          <button type="button" onClick={() => void run(teamApi.leave(membership.cohortId))}>
            Leave {name}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Stay
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Leave cohort
        </button>
      )}
    </li>
  );
}

/** Joining by invite link: the candidate chooses what the coach may see. */
export function Join({ code }: { code: string }) {
  const [sharing, setSharing] = useState<Sharing>('shared');
  const [result, setResult] = useState('');
  const [error, setError] = useState('');
  const join = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const joined = await teamApi.join(code, sharing);
      setResult(`You joined ${joined.name}.`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="team join">
      <h1>Join a cohort</h1>
      <form onSubmit={(e) => void join(e)}>
        <fieldset>
          <legend>What may your coach see?</legend>
          <label>
            <input type="radio" name="sharing" value="all" checked={sharing === 'all'} onChange={() => setSharing('all')} /> All my practice
          </label>
          <label>
            <input type="radio" name="sharing" value="shared" checked={sharing === 'shared'} onChange={() => setSharing('shared')} /> Only answers I share
          </label>
        </fieldset>
        <button className="primary" type="submit">
          Join
        </button>
      </form>
      {result && (
        <p role="status">
          {result} <a href="#/">Go to Home</a>
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

function CandidateLine({ cohortId, row, onRemove }: { cohortId: string; row: DashboardRow; onRemove: () => void }) {
  const topics = Object.entries(row.summary.progress.topics).map(([topic, scores]) => `${labelOf(TOPIC_LABELS, topic)} ${scores!.at(-1)!.score}`);
  return (
    <tr>
      <th scope="row">
        {row.name}
        <br />
        <span className="meta">{row.email}</span>
      </th>
      <td>{row.summary.sessions}</td>
      <td>{row.summary.practisedThisWeek}</td>
      <td>{row.summary.recentScore ?? '–'}</td>
      <td>{topics.join(', ') || '–'}</td>
      <td>{row.summary.stuck ? <strong>{row.summary.stuck.replace(/-/g, ' ')}</strong> : 'no'}</td>
      <td>
        <ul className="plain">
          {row.attempts.slice(0, 5).map((a) => (
            <li key={a.id}>
              <a href={`#/cohorts/${encodeURIComponent(cohortId)}/attempts/${encodeURIComponent(a.id)}`}>
                {a.questionId} · {a.score}
              </a>
            </li>
          ))}
        </ul>
        {row.sharing === 'shared' && <span className="meta">shares chosen answers only</span>}
      </td>
      <td>
        <ul className="plain">
          {row.exercises.slice(0, 5).map((e) => (
            <li key={e.exerciseId}>
              {e.exerciseId} · {e.passed ? 'passed' : `${e.score}%`}
              {e.attempts > 1 ? ` (${e.attempts} tries)` : ''}
            </li>
          ))}
        </ul>
        {row.exercises.length === 0 && '–'}
      </td>
      <td>
        <button type="button" onClick={onRemove} aria-label={`Remove ${row.name}`}>
          Remove
        </button>
      </td>
    </tr>
  );
}

/** The coach's dashboard of one cohort, with the assignment form. */
export function CohortDashboard({ id }: { id: string }) {
  const state = useLoad(() => teamApi.dashboard(id), [id]);
  const [message, setMessage] = useState('');
  const assign = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const questionIds = String(form.get('questions'))
      .split(/[\s,]+/)
      .filter(Boolean);
    try {
      const spec =
        questionIds.length > 0
          ? { kind: 'questions' as const, questionIds }
          : { kind: 'mock' as const, role: 'solutions-architect', level: String(form.get('level')), count: Number(form.get('count')), topics: [] };
      await teamApi.assign(id, { title: String(form.get('title')), dueAt: String(form.get('due')), spec });
      setMessage('Assignment set.');
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const remove = async (userId: string) => {
    await teamApi.removeMember(id, userId).catch((e: Error) => setMessage(e.message));
    state.reload();
  };
  return (
    <section className="team dashboard">
      <Loaded state={state}>
        {({ cohort, candidates }) => (
          <>
            <h1>{cohort.name}</h1>
            {candidates.length === 0 ? (
              <p>No one has joined yet: send them the invite link from Cohorts.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Candidate</th>
                    <th scope="col">Sessions</th>
                    <th scope="col">Answers this week</th>
                    <th scope="col">Recent score</th>
                    <th scope="col">Latest per topic</th>
                    <th scope="col">Stuck</th>
                    <th scope="col">Answers</th>
                    <th scope="col">Exercises</th>
                    <th scope="col">
                      <span className="sr-only">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.map((row) => (
                    <CandidateLine key={row.userId} cohortId={id} row={row} onRemove={() => void remove(row.userId)} />
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Loaded>
      <h2>Set an assignment</h2>
      <form onSubmit={(e) => void assign(e)} className="assign">
        <label htmlFor="a-title">Title</label>
        <input id="a-title" name="title" required maxLength={200} />
        <label htmlFor="a-due">Due</label>
        <input id="a-due" name="due" type="date" required />
        <label htmlFor="a-questions">Question ids (leave empty for a mock interview)</label>
        <input id="a-questions" name="questions" />
        <label htmlFor="a-count">Mock interview questions</label>
        <input id="a-count" name="count" type="number" min={1} max={50} defaultValue={3} />
        <label htmlFor="a-level">Level</label>
        <select id="a-level" name="level" defaultValue="mid">
          <option value="entry">entry</option>
          <option value="mid">mid</option>
          <option value="senior">senior</option>
        </select>
        <button className="primary" type="submit">
          Set assignment
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}

/** One visible answer with its feedback; the coach comments on a sentence. */
export function CoachAttempt({ cohortId, attemptId }: { cohortId: string; attemptId: string }) {
  const state = useLoad(() => teamApi.attempt(cohortId, attemptId), [cohortId, attemptId]);
  const [sentence, setSentence] = useState<string | null>(null);
  const [error, setError] = useState('');
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      await teamApi.comment(cohortId, attemptId, sentence!, String(new FormData(form).get('body')));
      setSentence(null);
      state.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="team coach-attempt">
      <a href={`#/cohorts/${encodeURIComponent(cohortId)}`}>Back to the cohort</a>
      <Loaded state={state}>
        {({ attempt, sentences, comments }) => (
          <>
            <h1>{attempt.prompt}</h1>
            <p className="meta">
              {attempt.answeredAt.slice(0, 10)} · {attempt.score}/100 · missed:{' '}
              {attempt.feedback.rubric
                .filter((r) => !r.covered)
                .map((r) => r.point)
                .join('; ') || 'nothing'}
            </p>
            <h2>Answer: choose a sentence to comment on</h2>
            <ol className="sentences">
              {sentences.map((s, i) => (
                <li key={i}>
                  <button type="button" className={sentence === s ? 'chosen' : ''} aria-pressed={sentence === s} onClick={() => setSentence(s)}>
                    {s}
                  </button>
                </li>
              ))}
            </ol>
            {sentence && (
              <form onSubmit={(e) => void send(e)}>
                <label htmlFor="comment-body">Comment on “{sentence}”</label>
                <textarea id="comment-body" name="body" required maxLength={5000} rows={3} />
                <button className="primary" type="submit">
                  Add comment
                </button>
              </form>
            )}
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <h2>Comments</h2>
            {comments.length === 0 ? <p className="meta">None yet.</p> : <CommentList comments={comments} />}
          </>
        )}
      </Loaded>
    </section>
  );
}

/** Admin: add accounts and reset passwords. */
export function Users() {
  const state = useLoad(() => teamApi.users(), []);
  const [message, setMessage] = useState('');
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    try {
      const user = await teamApi.addUser({
        email: String(data.get('email')),
        name: String(data.get('name')),
        role: String(data.get('role')),
        password: String(data.get('password')),
      });
      setMessage(`Added ${user.email}.`);
      form.reset();
      state.reload();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const reset = async (user: UserRecord) => {
    const password = window.prompt(`New password for ${user.email}`);
    if (!password) return;
    await teamApi.resetPassword(user.id, password).then(
      () => setMessage(`Reset the password of ${user.email}; their sign-ins ended.`),
      (e: Error) => setMessage(e.message),
    );
  };
  return (
    <section className="team users">
      <h1>Accounts</h1>
      <Loaded state={state}>
        {(users) => (
          <ul className="questions">
            {users.map((u) => (
              <li key={u.id}>
                {u.name}{' '}
                <span className="meta">
                  {u.email} · {u.role}
                </span>{' '}
                <button type="button" onClick={() => void reset(u)}>
                  Reset password
                </button>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      <h2>Add an account</h2>
      <form onSubmit={(e) => void add(e)} className="assign">
        <label htmlFor="u-email">Email</label>
        <input id="u-email" name="email" type="email" required />
        <label htmlFor="u-name">Name</label>
        <input id="u-name" name="name" required />
        <label htmlFor="u-role">Role</label>
        <select id="u-role" name="role" defaultValue="candidate">
          <option value="candidate">candidate</option>
          <option value="coach">coach</option>
          <option value="admin">admin</option>
        </select>
        <label htmlFor="u-password">Password</label>
        <input id="u-password" name="password" type="password" minLength={8} required />
        <button className="primary" type="submit">
          Add account
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}

/** The account: export everything, sign out everywhere, delete. */
export function Account({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const [error, setError] = useState('');
  const everywhere = async () => {
    await teamApi.signOutEverywhere().then(onSignedOut, (e: Error) => setError(e.message));
  };
  const remove = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await teamApi.deleteAccount(String(new FormData(event.currentTarget).get('confirm'))).then(onSignedOut, (e: Error) => setError(e.message));
  };
  return (
    <section className="team account">
      <h1>Your account</h1>
      <p>
        {me.user?.name} · {me.user?.email} · {me.user?.role}
      </p>
      <p>
        <a href="/api/account/export" download="loopcoach-export.json">
          Export all my data (JSON)
        </a>
      </p>
      <p>
        <button type="button" onClick={() => void everywhere()}>
          Sign out everywhere
        </button>
      </p>
      <form onSubmit={(e) => void remove(e)}>
        <label htmlFor="confirm">Delete my account and everything in it: type your email</label>
        <input id="confirm" name="confirm" type="email" required />
        <button type="submit">Delete my account</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
