import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GradeAny } from './screens/GradeAny';
import { Exercises, ExerciseView } from './screens/Exercises';
import { History } from './screens/History';
import { Home } from './screens/Home';
import { Interview } from './screens/Interview';
import { Library } from './screens/Library';
import { MyQuestions } from './screens/MyQuestions';
import { Practise } from './screens/Practise';
import { QuestionView } from './screens/QuestionView';
import { Account, CoachAttempt, CohortDashboard, Cohorts, Join, MyCoaching, SignIn, Users } from './screens/Team';
import { teamApi, type Me } from './team-api';
import './style.css';

/** A tiny hash router: #/library, #/questions/<id>, #/practise/<id>. */
function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => {
      setRoute(read());
      document.getElementById('main')?.focus();
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Team mode's screens for a route, or undefined when the route is not one of them. */
function teamScreen(me: Me, route: string[], onSignedOut: () => void) {
  const [screen, id, sub, subId] = route;
  if (screen === 'cohorts' && id && sub === 'attempts' && subId) return <CoachAttempt cohortId={id} attemptId={subId} />;
  if (screen === 'cohorts' && id) return <CohortDashboard id={id} />;
  if (screen === 'cohorts') return <Cohorts me={me} />;
  if (screen === 'join' && id) return <Join code={id} />;
  if (screen === 'users') return <Users />;
  if (screen === 'account') return <Account me={me} onSignedOut={onSignedOut} />;
  return undefined;
}

function App() {
  const route = useRoute();
  const [screen, id] = route;
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    teamApi.me().then(setMe, () => setMe({ mode: 'single-user', user: null, csrfToken: null }));
  }, []);
  if (me === null)
    return (
      <main id="main" tabIndex={-1}>
        <p>Loading…</p>
      </main>
    );
  if (me.mode === 'team' && !me.user)
    return (
      <main id="main" tabIndex={-1}>
        <SignIn me={me} onSignedIn={setMe} />
      </main>
    );
  const isTeam = me.mode === 'team';
  const signedOut = () => setMe({ mode: 'team', user: null, csrfToken: null });
  let content = isTeam ? teamScreen(me, route, signedOut) : undefined;
  if (content) {
    // a team screen matched the route
  } else if (screen === 'library') content = <Library />;
  else if (screen === 'questions' && id) content = <QuestionView id={id} />;
  else if (screen === 'practise' && id) content = <Practise id={id} />;
  else if (screen === 'interview' && id) content = <Interview id={id} />;
  else if (screen === 'history') content = <History />;
  else if (screen === 'grade') content = <GradeAny />;
  else if (screen === 'my-questions') content = <MyQuestions />;
  else if (screen === 'exercises') content = id ? <ExerciseView id={id} /> : <Exercises />;
  else
    content =
      me.user?.role === 'candidate' ? (
        <>
          <MyCoaching />
          <Home team />
        </>
      ) : (
        <Home team={isTeam} />
      );
  return (
    <>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="#/">
          Loop Coach
        </a>
        <nav aria-label="Main">
          <a href="#/">Home</a>
          <a href="#/library">Question library</a>
          <a href="#/grade">Grade any question</a>
          <a href="#/my-questions">Your questions</a>
          <a href="#/exercises">Exercises</a>
          <a href="#/history">History</a>
          {isTeam && <a href="#/cohorts">Cohorts</a>}
          {me.user?.role === 'admin' && <a href="#/users">Accounts</a>}
          {isTeam && <a href="#/account">{me.user?.name ?? 'Account'}</a>}
          {isTeam && (
            <button type="button" className="link" onClick={() => void teamApi.signOut().then(signedOut)}>
              Sign out
            </button>
          )}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
