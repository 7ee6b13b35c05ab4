import { useEffect, useRef, useState } from 'react';
import { labelOf, LEVEL_LABELS, ROLE_LABELS } from '../labels';
import { promptTitle } from '../prompt';
import { fileInput, tailorApi, type DocumentInput, type SavedDocument, type TailoredPlan, type TailorRequest } from '../api';
import { skillName } from '../../../src/core/tailor/skill-names';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * Interview for one job: paste the posting (or choose its file), add the résumé, see the plan
 * with the reason for each question, then start it. Documents are kept only when the user ticks
 * "save"; saved ones can be reused or deleted.
 */
export function TailorPanel({ team = false }: { team?: boolean }) {
  const [postingText, setPostingText] = useState('');
  const [postingFile, setPostingFile] = useState<File | null>(null);
  const [resumeFile, setResumeFile] = useState<File | null>(null);
  const [savedPosting, setSavedPosting] = useState('');
  const [savedResume, setSavedResume] = useState('');
  const [save, setSave] = useState({ posting: false, resume: false });
  const [count, setCount] = useState(6);
  const [plan, setPlan] = useState<{ request: TailorRequest; result: TailoredPlan } | null>(null);
  const [documents, setDocuments] = useState<SavedDocument[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const loadDocuments = () => tailorApi.documents().then(setDocuments, (e: Error) => setError(e.message));
  useEffect(() => {
    void loadDocuments();
  }, []);

  const documentFrom = async (text: string, file: File | null, savedId: string, what: string): Promise<DocumentInput | undefined> => {
    if (savedId) return { documentId: savedId };
    if (file) {
      if (file.size > MAX_FILE_BYTES)
        throw new Error(`${what} ${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB, so save just the text as .txt`);
      return fileInput(file);
    }
    return text.trim() ? { text } : undefined;
  };

  const makePlan = async () => {
    setError('');
    setBusy(true);
    try {
      const posting = await documentFrom(postingText, postingFile, savedPosting, 'the job description');
      if (!posting) throw new Error('Paste the job description or choose its file first.');
      const resume = await documentFrom('', resumeFile, savedResume, 'the résumé');
      const request: TailorRequest = { posting, count, ...(resume ? { resume } : {}), save };
      const result = await tailorApi.plan(request);
      // Saved now: later requests (start) use the saved copy instead of sending the file again.
      const again: TailorRequest = {
        ...request,
        posting: result.saved.posting ? { documentId: result.saved.posting } : posting,
        ...(resume ? { resume: result.saved.resume ? { documentId: result.saved.resume } : resume } : {}),
        save: {},
      };
      setPlan({ request: again, result });
      if (result.saved.posting || result.saved.resume) await loadDocuments();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      const { session } = await tailorApi.start(plan.request);
      window.location.hash = `#/interview/${encodeURIComponent(session.id)}`;
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const remove = async (d: SavedDocument) => {
    if (!window.confirm(`Delete the saved text of ${d.name}? This removes it from the database.`)) return;
    try {
      await tailorApi.deleteDocument(d.id);
      if (savedPosting === d.id) setSavedPosting('');
      if (savedResume === d.id) setSavedResume('');
      await loadDocuments();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const postings = documents.filter((d) => d.kind === 'posting');
  const resumes = documents.filter((d) => d.kind === 'resume');
  return (
    <div className="tailor">
      <form
        aria-label="Plan an interview for a job"
        onSubmit={(e) => {
          e.preventDefault();
          void makePlan();
        }}
      >
        <label htmlFor="posting-text">Job description (paste it)</label>
        <textarea
          id="posting-text"
          rows={8}
          value={postingText}
          onChange={(e) => setPostingText(e.target.value)}
          disabled={Boolean(postingFile) || Boolean(savedPosting)}
        />
        <div className="tailor-row">
          <DocumentPicker
            id="posting"
            label="…or its file (PDF, DOCX, text)"
            saved={postings}
            savedId={savedPosting}
            onFile={setPostingFile}
            onSaved={setSavedPosting}
          />
        </div>
        <div className="tailor-row">
          <DocumentPicker
            id="resume"
            label="Your résumé (PDF, DOCX, text; optional)"
            saved={resumes}
            savedId={savedResume}
            onFile={setResumeFile}
            onSaved={setSavedResume}
          />
          <div className="field">
            <label htmlFor="tailor-count">Number of questions</label>
            <input id="tailor-count" type="number" min={1} max={30} value={count} onChange={(e) => setCount(Number(e.target.value))} />
          </div>
        </div>
        <fieldset>
          <legend>{team ? 'Keep on the team server' : 'Keep on this machine'}</legend>
          <label>
            <input type="checkbox" checked={save.posting} onChange={(e) => setSave((s) => ({ ...s, posting: e.target.checked }))} /> Save the job description
          </label>
          <label>
            <input type="checkbox" checked={save.resume} onChange={(e) => setSave((s) => ({ ...s, resume: e.target.checked }))} /> Save the résumé
          </label>
          <p className="hint">
            {team ? 'The documents are read on this team server.' : 'Everything is read on this machine.'} Nothing is stored unless you tick a box, and a saved
            document can be deleted below.
          </p>
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          Plan my interview
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {plan && <PlanView plan={plan.result} onStart={() => void start()} busy={busy} />}
      {documents.length > 0 && (
        <>
          <h3>Saved documents</h3>
          <ul className="documents">
            {documents.map((d) => (
              <li key={d.id}>
                {d.name}{' '}
                <span className="meta">
                  ({d.kind === 'posting' ? 'job description' : 'résumé'}, {d.characters.toLocaleString()} characters)
                </span>{' '}
                <button type="button" onClick={() => void remove(d)} aria-label={`Delete ${d.name}`}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A file input for a document, and a choice of the saved ones of its kind when there are any. */
function DocumentPicker(props: {
  id: string;
  label: string;
  saved: SavedDocument[];
  savedId: string;
  onFile: (file: File | null) => void;
  onSaved: (id: string) => void;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${props.id}-file`}>{props.label}</label>
        <input id={`${props.id}-file`} type="file" accept=".pdf,.docx,.txt,.md" onChange={(e) => props.onFile(e.target.files?.[0] ?? null)} />
      </div>
      {props.saved.length > 0 && (
        <div className="field">
          <label htmlFor={`${props.id}-saved`}>…or a saved one</label>
          <select id={`${props.id}-saved`} value={props.savedId} onChange={(e) => props.onSaved(e.target.value)}>
            <option value="">(none)</option>
            {props.saved.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

function PlanView({ plan, onStart, busy }: { plan: TailoredPlan; onStart: () => void; busy: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the plan they just asked for.
  useEffect(() => heading.current?.focus(), [plan]);
  return (
    <section className="plan" aria-labelledby="plan-heading">
      <h3 id="plan-heading" ref={heading} tabIndex={-1}>
        Your interview: {labelOf(ROLE_LABELS, plan.role)}, {labelOf(LEVEL_LABELS, plan.level)}
      </h3>
      <p>Skills the posting asks for: {plan.skills.map(skillName).join(', ') || 'none recognised'}.</p>
      <ol className="plan-questions">
        {plan.questions.map((q) => (
          <li key={q.id}>
            <span>{promptTitle(q.prompt)}</span>
            <span className="meta">
              Why: {q.reason}
              {q.generated && (
                <>
                  {' '}
                  · <span className="badge">generated</span>
                </>
              )}
            </span>
          </li>
        ))}
      </ol>
      {plan.gaps.length > 0 && (
        <>
          <h4>Before the interview</h4>
          <ul>
            {plan.gaps.map((g) => (
              <li key={g.skill}>
                <strong>{skillName(g.skill)}</strong>: {g.advice}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="primary" onClick={onStart} disabled={busy}>
        Start this interview
      </button>
    </section>
  );
}
