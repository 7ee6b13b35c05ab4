import { useState } from 'react';
import { sessionsApi } from '../api';
import { TailorPanel } from '../components/TailorPanel';

const ROLES = ['solutions-architect', 'cloud-devops-engineer', 'backend-developer', 'data-engineer', 'sre'];
const LEVELS = ['entry', 'mid', 'senior'];

/** Start a mock interview: the server plans it (weak topics sooner, mastered questions later). */
function StartInterview() {
  const [role, setRole] = useState('solutions-architect');
  const [level, setLevel] = useState('mid');
  const [count, setCount] = useState(3);
  const [error, setError] = useState('');
  const start = async () => {
    try {
      const { session } = await sessionsApi.start({ role, level, count });
      window.location.hash = `#/interview/${encodeURIComponent(session.id)}`;
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="filters start" aria-label="Start a mock interview" onSubmit={(e) => { e.preventDefault(); void start(); }}>
      <label htmlFor="role">Role<select id="role" value={role} onChange={(e) => setRole(e.target.value)}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
      <label htmlFor="level">Level<select id="level" value={level} onChange={(e) => setLevel(e.target.value)}>{LEVELS.map((l) => <option key={l}>{l}</option>)}</select></label>
      <label htmlFor="count">Questions<input id="count" type="number" min={1} max={20} value={count} onChange={(e) => setCount(Number(e.target.value))} /></label>
      <button type="submit" className="primary">Start a mock interview</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}

export function Home() {
  return (
    <section className="home">
      <h1>Practise AWS interviews with feedback you can act on</h1>
      <p className="lead">
        Answer a question the way you would in the room. Loop Coach shows, while you type, which points of a strong answer you
        covered (quoting your sentence), whether your answer has the shape interviewers listen for, and the habits that sink
        candidates. Everything runs on this machine.
      </p>
      <h2>Mock interview</h2>
      <StartInterview />
      <p>
        Or <a href="#/library">choose a question</a> from the library and practise it alone.
      </p>
      <h2>Interview for a specific job</h2>
      <p>Paste the job posting and add your résumé: Loop Coach plans the interview that job would give you, says why each question is there, and asks about the numbers your résumé claims.</p>
      <TailorPanel />
      <h2>How your answer is judged</h2>
      <ul className="plain">
        <li><strong>Substance:</strong> the rubric points a strong answer covers, each matched to the sentence of yours that covers it.</li>
        <li><strong>Structure:</strong> context, choice, trade-off and result for technical answers; situation, task, action and result for stories.</li>
        <li><strong>Habits:</strong> service dumps, definitions instead of decisions, buzzwords, "it depends" without saying on what, no downside, no numbers, no ownership.</li>
      </ul>
    </section>
  );
}
