import { useEffect, useRef, useState } from 'react';
import { AnswerForm } from '../components/AnswerForm';
import { FullFeedback } from '../components/feedback-parts';
import { LivePanel, Timer, useLiveFeedback } from '../components/LiveFeedback';
import { Prompt } from '../components/Prompt';
import { api, sessionsApi, type Feedback, type PractisedAnswer, type Question } from '../api';
import { ChangesBetween } from '../components/AttemptChanges';
import { promptTitle } from '../prompt';
import { RecordPanel, type SpokenAnswer } from '../speech/RecordPanel';
import { DeliveryComparison, SpokenReview } from '../speech/SpokenReview';
import { keepIfChosen, speechApi, spokenInputOf } from '../speech/spoken-api';

/**
 * One question alone. While answering, the key stays hidden (hints only when asked for); the
 * rubric, model answer and pitfalls come with the feedback after submitting.
 */
export function Practise({ id }: { id: string }) {
  const [question, setQuestion] = useState<Question | null>(null);
  const [answer, setAnswer] = useState('');
  const [final, setFinal] = useState<Feedback | null>(null);
  const [saved, setSaved] = useState<PractisedAnswer | null>(null);
  const [startedAt, setStartedAt] = useState(() => new Date().toISOString());
  const [showHints, setShowHints] = useState(false);
  const [error, setError] = useState('');
  const [submitError, setSubmitError] = useState('');
  const [spoken, setSpoken] = useState<SpokenAnswer | null>(null);
  const [spokenAttempts, setSpokenAttempts] = useState<SpokenAnswer[]>([]);
  // The saved answer's kept audio (played back from the server), or why it was not kept.
  const [keptAudioUrl, setKeptAudioUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const isEdited = spoken !== null && answer.trim() !== spoken.analysis.transcript.trim();
  const reportHeading = useRef<HTMLHeadingElement>(null);

  // Keyboard and screen-reader users land on the result they just asked for.
  useEffect(() => {
    if (final) reportHeading.current?.focus();
  }, [final]);

  useEffect(() => {
    api.question(id).then(setQuestion, (e: Error) => setError(e.message));
  }, [id]);

  const { live, liveError } = useLiveFeedback(question && !final ? (text, signal) => api.grade(question.id, text, signal) : null, answer);

  const submit = async () => {
    if (!question || !answer.trim()) return;
    try {
      // Every graded answer is an attempt: saved, in History and progress, beside the previous one.
      // A spoken one is saved with its transcript and delivery; its audio only if the user keeps recordings.
      const result = spoken
        ? await speechApi.practise(question.id, answer, startedAt, spokenInputOf(spoken.analysis, spoken.camera))
        : await sessionsApi.practise(question.id, answer, startedAt);
      setNotice('');
      setKeptAudioUrl(null);
      if (spoken) {
        const kept = await keepIfChosen(result.attemptId, spoken.audio).catch((e: Error) => {
          setNotice(`Your answer was saved, but not its recording: ${e.message}`);
          return false;
        });
        if (kept) setKeptAudioUrl(speechApi.recordingUrl(result.attemptId));
      }
      setSaved(result);
      setFinal(result.feedback);
      setSubmitError('');
      if (spoken && !spokenAttempts.includes(spoken)) setSpokenAttempts((all) => [...all, spoken]);
    } catch (e) {
      // The answer stays in the box: a failed save is said beside it, never replaces it.
      setSubmitError((e as Error).message);
    }
  };

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!question) return <p>Loading…</p>;
  return (
    <section className="practise">
      <div className="question-head">
        <div className="prompt">
          <Prompt text={question.prompt} heading={(first) => <h1>{first}</h1>} />
        </div>
        <Timer running={final === null} />
      </div>
      {!final ? (
        <div className="workspace">
          <div>
            <RecordPanel kind={question.kind} onTranscript={setAnswer} onRecorded={setSpoken} canKeepRecordings />
            {spoken && (
              <p className="hint transcript-state" data-finish-ms={spoken.finishMs}>
                {isEdited ? 'Transcript edited by you.' : 'Transcript from your recording: fix any misheard words before submitting.'}
              </p>
            )}
            {submitError && (
              <p role="alert" className="error">
                Not saved: {submitError}
              </p>
            )}
            <AnswerForm
              id="answer"
              rows={14}
              value={answer}
              onChange={setAnswer}
              onSubmit={() => void submit()}
              hint="Feedback updates as you pause. Ctrl+Enter submits."
            />
          </div>
          <div>
            {question.rubric.length > 0 && (
              <label className="switch">
                <input type="checkbox" role="switch" checked={showHints} onChange={(e) => setShowHints(e.target.checked)} /> Show hints (the points a strong
                answer covers)
              </label>
            )}
            {liveError && (
              <p role="status" className="error">
                Live feedback paused: {liveError}
              </p>
            )}
            <LivePanel feedback={live} hints={showHints ? question.rubric : undefined} />
          </div>
        </div>
      ) : (
        <div className="report">
          <h2 ref={reportHeading} tabIndex={-1}>
            Score {final.score}/100
          </h2>
          <p className="hint saved-note">
            Saved to your <a href="#/history">history</a>.
          </p>
          {saved?.previous && <PreviousAnswer prompt={saved.prompt} current={{ answer, score: final.score }} previous={saved.previous} />}
          <FullFeedback feedback={final} showKey />
          {notice && (
            <p role="status" className="error">
              {notice}
            </p>
          )}
          {spoken && (
            <SpokenReview spoken={keptAudioUrl ? { ...spoken, audioUrl: keptAudioUrl } : spoken} isEdited={isEdited}>
              <p className="hint recording-kept">
                {keptAudioUrl
                  ? 'Recording kept: it plays back here and in this answer’s report in History.'
                  : 'Recording not kept: it plays on this page only; the transcript and delivery were saved.'}
              </p>
            </SpokenReview>
          )}
          <DeliveryComparison attempts={spokenAttempts.map((a) => a.analysis.delivery)} />
          <h3>Model answer</h3>
          <p>{question.modelAnswer}</p>
          {question.pitfalls.length > 0 && (
            <>
              <h3>Common pitfalls</h3>
              <ul>
                {question.pitfalls.map((p) => (
                  <li key={p.claim}>
                    <strong>{p.claim}</strong> {p.correction}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="actions">
            <button
              type="button"
              onClick={() => {
                setFinal(null);
                setSpoken(null);
                setKeptAudioUrl(null);
                setStartedAt(new Date().toISOString());
              }}
            >
              Improve this answer
            </button>
            <a className="button" href="#/library">
              Another question
            </a>
          </p>
        </div>
      )}
    </section>
  );
}

/** This answer beside the previous one at the same question, titled by its prompt, with gains and losses. */
function PreviousAnswer({
  prompt,
  current,
  previous,
}: {
  prompt: string;
  current: { answer: string; score: number };
  previous: NonNullable<PractisedAnswer['previous']>;
}) {
  const delta = current.score - previous.score;
  return (
    <article className="compare" aria-labelledby="compare-previous">
      <h3 id="compare-previous">Beside your previous answer: {promptTitle(prompt)}</h3>
      <p className="meta">
        {previous.score}/100 → <strong>{current.score}/100</strong> ({delta >= 0 ? `+${delta}` : delta})
      </p>
      <div className="attempts">
        <div className="attempt">
          <p className="meta">
            Previous · {previous.answeredAt.slice(0, 10)} · <strong>{previous.score}/100</strong>
          </p>
          <p className="answer">{previous.answer}</p>
        </div>
        <div className="attempt">
          <p className="meta">
            This answer · <strong>{current.score}/100</strong>
          </p>
          <p className="answer">{current.answer}</p>
        </div>
      </div>
      <ChangesBetween changes={previous} />
    </article>
  );
}
