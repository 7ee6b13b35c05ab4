import { useEffect, useState } from 'react';
import type { DeliveryMeasures, DeliveryTrend, SessionReportView, SpokenAnswerView } from './spoken-api';
import { speechApi } from './spoken-api';
import { SpokenReview } from './SpokenReview';

/** Delivery over time as a table: one row per spoken answer, then the mean. */
export function DeliveryTrendTable({
  trend,
  caption,
  label,
}: {
  trend: DeliveryTrend;
  caption: string;
  label: (answer: DeliveryTrend['answers'][number], index: number) => string;
}) {
  if (!trend.mean) return null;
  return (
    <table className="delivery-trend">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Answer</th>
          <th scope="col">Words a minute</th>
          <th scope="col">Fillers a minute (approx.)</th>
          <th scope="col">Long pauses</th>
        </tr>
      </thead>
      <tbody>
        {trend.answers.map((a, i) => (
          <MeasuresRow key={a.attemptId} name={label(a, i)} measures={a} />
        ))}
      </tbody>
      <tfoot>
        <MeasuresRow name="Mean" measures={trend.mean} />
      </tfoot>
    </table>
  );
}

function MeasuresRow({ name, measures }: { name: string; measures: DeliveryMeasures }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{measures.wordsPerMinute}</td>
      <td>{measures.fillersPerMinute}</td>
      <td>{measures.longPauses}</td>
    </tr>
  );
}

/**
 * The spoken answers of an interview report: delivery over the session, then each answer's
 * recording (when kept) beside its transcript and delivery, with buttons to delete the audio or
 * the whole answer.
 */
export function SpokenReport({
  report,
  onChanged,
  isPractice = false,
}: {
  report: SessionReportView;
  onChanged: () => void;
  /** A question practised alone: one answer, not an interview. */ isPractice?: boolean;
}) {
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');
  useEffect(() => {
    speechApi.recordings().then(
      (r) => setKept(new Set(r.attemptIds)),
      () => setKept(new Set()),
    );
  }, [report]);
  if (!report.spoken || report.spoken.length === 0) return null;
  const act = (work: Promise<unknown>) => work.then(onChanged, (e: Error) => setError(e.message));
  return (
    <section className="spoken-report" aria-labelledby="spoken-report-heading">
      <h2 id="spoken-report-heading">Your spoken answers</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <DeliveryTrendTable
        trend={report.delivery}
        caption={isPractice ? 'Delivery of this answer' : 'Delivery across this interview'}
        label={(_, i) => `Answer ${i + 1}`}
      />
      {report.spoken.map((s: SpokenAnswerView) => (
        <SpokenReview
          key={s.attemptId}
          heading={s.parentAttemptId ? `Follow-up: ${s.prompt}` : s.prompt.split('\n')[0]!}
          spoken={{
            analysis: { segments: s.segments, delivery: s.delivery },
            ...(s.camera ? { camera: s.camera } : {}),
            ...(kept.has(s.attemptId) ? { audioUrl: speechApi.recordingUrl(s.attemptId) } : {}),
          }}
          isEdited={s.isEdited}
        >
          <p className="actions">
            {kept.has(s.attemptId) && (
              <button type="button" onClick={() => void act(speechApi.deleteRecording(s.attemptId))}>
                Delete recording
              </button>
            )}
            <button
              type="button"
              className="danger"
              onClick={() =>
                window.confirm('Delete this answer, its follow-ups and any recording? This cannot be undone.') && void act(speechApi.deleteAttempt(s.attemptId))
              }
            >
              Delete answer
            </button>
          </p>
        </SpokenReview>
      ))}
    </section>
  );
}
