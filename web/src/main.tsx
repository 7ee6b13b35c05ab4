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

function App() {
  const [screen, id] = useRoute();
  let content;
  if (screen === 'library') content = <Library />;
  else if (screen === 'questions' && id) content = <QuestionView id={id} />;
  else if (screen === 'practise' && id) content = <Practise id={id} />;
  else if (screen === 'interview' && id) content = <Interview id={id} />;
  else if (screen === 'history') content = <History />;
  else if (screen === 'grade') content = <GradeAny />;
  else if (screen === 'my-questions') content = <MyQuestions />;
  else if (screen === 'exercises') content = id ? <ExerciseView id={id} /> : <Exercises />;
  else content = <Home />;
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header className="top">
        <a className="brand" href="#/">Loop Coach</a>
        <nav aria-label="Main">
          <a href="#/">Home</a>
          <a href="#/library">Question library</a>
          <a href="#/grade">Grade any question</a>
          <a href="#/my-questions">Your questions</a>
          <a href="#/exercises">Exercises</a>
          <a href="#/history">History</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{content}</main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
