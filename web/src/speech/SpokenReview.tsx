import { useId, useRef } from 'react';
import type { Delivery, TranscriptSegment } from '../../../src/core/delivery/types';
import type { CameraReport } from '../../../src/core/camera';
import { CameraReportView } from '../camera/CameraReport';

interface Sentence {
  text: string;
  startSec: number;
}

/** Sentences with an estimated start: each segment's time is shared out by word count. */
export function sentencesOf(segments: TranscriptSegment[]): Sentence[] {
  return segments.flatMap((segment) => {
    const parts =
      segment.text
        .match(/[^.!?]+[.!?]*/g)
        ?.map((s) => s.trim())
        .filter(Boolean) ?? [];
    const words = parts.map((p) => p.split(/\s+/).length);
    const total = words.reduce((a, b) => a + b, 0) || 1;
    let before = 0;
    return parts.map((text, i) => {
      const startSec = segment.startSec + (before / total) * (segment.endSec - segment.startSec);
      before += words[i]!;
      return { text, startSec };
    });
  });
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${m}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
}

/** What a review needs: the timed transcript and delivery, and the audio when there is some to play. */
export interface ReviewedAnswer {
  analysis: { segments: TranscriptSegment[]; delivery: Delivery };
  audioUrl?: string;
  /** What the camera saw, when the answer was recorded with the camera on. */
  camera?: CameraReport;
}

/** The recording beside its transcript (click a sentence to hear it) and the delivery report. */
export function SpokenReview({
  spoken,
  isEdited,
  heading = 'Your recording',
  children,
}: {
  spoken: ReviewedAnswer;
  isEdited: boolean;
  heading?: string;
  children?: React.ReactNode;
}) {
  const audio = useRef<HTMLAudioElement>(null);
  const headingId = useId();
  const playFrom = (seconds: number) => {
    const player = audio.current;
    if (!player) return;
    player.currentTime = seconds;
    void player.play();
  };
  return (
    <section className="spoken" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {spoken.audioUrl ? (
        <audio ref={audio} controls src={spoken.audioUrl} />
      ) : (
        <p className="hint">The audio was not kept: only the transcript and delivery{spoken.camera ? ' and the camera measures' : ''} were saved.</p>
      )}
      <p className="hint">
        {isEdited
          ? 'You edited the transcript before submitting; it was graded as edited.'
          : spoken.audioUrl
            ? 'Click a sentence to hear it.'
            : 'The transcript as recorded.'}
      </p>
      <ol className="sentences">
        {sentencesOf(spoken.analysis.segments).map((s) => (
          <li key={`${s.startSec}-${s.text}`}>
            {spoken.audioUrl ? (
              <button type="button" className="link" onClick={() => playFrom(s.startSec)}>
                <span className="at">{clock(s.startSec)}</span> {s.text}
              </button>
            ) : (
              <>
                <span className="at">{clock(s.startSec)}</span> {s.text}
              </>
            )}
          </li>
        ))}
      </ol>
      <DeliveryReport delivery={spoken.analysis.delivery} {...(spoken.audioUrl ? { onSeek: playFrom } : {})} />
      {spoken.camera && <CameraReportView report={spoken.camera} {...(spoken.audioUrl ? { onSeek: playFrom } : {})} />}
      {children}
    </section>
  );
}

/** Delivery: the measures, then each flag with what to do and the moment (click to hear it). */
export function DeliveryReport({ delivery, onSeek }: { delivery: Delivery; onSeek?: (seconds: number) => void }) {
  const fillers = delivery.fillers.reduce((n, f) => n + f.count, 0);
  const longest = delivery.pauses.reduce((m, p) => Math.max(m, p.endSec - p.startSec), 0);
  return (
    <div className="delivery" aria-label="Delivery">
      <h3>Delivery</h3>
      <dl>
        <dt>Duration</dt>
        <dd>
          {clock(delivery.durationSec)} ({delivery.speakingSec.toFixed(0)} s speaking)
        </dd>
        <dt>Pace</dt>
        <dd>{Math.round(delivery.wordsPerMinute)} words a minute</dd>
        <dt>Long pauses</dt>
        <dd>{delivery.pauses.length === 0 ? 'none' : `${delivery.pauses.length} (longest ${longest.toFixed(1)} s)`}</dd>
        <dt>Fillers (approximate)</dt>
        <dd>{fillers === 0 ? 'none' : delivery.fillers.map((f) => `${f.word} ×${f.count}`).join(', ')}</dd>
        <dt>Pitch variation</dt>
        <dd>{delivery.pitchVariationSemitones.toFixed(1)} semitones</dd>
        <dt>Loudness</dt>
        <dd>{Math.round(delivery.loudnessDb)} dBFS</dd>
      </dl>
      <ul className="delivery-findings">
        {delivery.findings.length === 0 && <li className="none">Nothing to change in your delivery.</li>}
        {delivery.findings.map((f) => (
          <li key={`${f.code}-${f.atSec}`}>
            <code>{f.code}</code>{' '}
            {onSeek ? (
              <button type="button" className="link at" onClick={() => onSeek(f.atSec)}>
                at {clock(f.atSec)}
              </button>
            ) : (
              <span className="at">at {clock(f.atSec)}</span>
            )}{' '}
            {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Delivery of every spoken attempt at this question in this visit, side by side (oldest first). */
export function DeliveryComparison({ attempts }: { attempts: Delivery[] }) {
  if (attempts.length < 2) return null;
  const rows: Array<[string, (d: Delivery) => string]> = [
    ['Duration', (d) => clock(d.durationSec)],
    ['Words a minute', (d) => String(Math.round(d.wordsPerMinute))],
    ['Long pauses', (d) => String(d.pauses.length)],
    ['Fillers (approx.)', (d) => String(d.fillers.reduce((n, f) => n + f.count, 0))],
    ['Pitch variation', (d) => `${d.pitchVariationSemitones.toFixed(1)} st`],
    ['Loudness', (d) => `${Math.round(d.loudnessDb)} dBFS`],
    ['Flags', (d) => d.findings.map((f) => f.code).join(', ') || 'none'],
  ];
  return (
    <table className="delivery-comparison">
      <caption>Delivery across your spoken attempts</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          {attempts.map((_, i) => (
            <th key={i} scope="col">
              Attempt {i + 1}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            {attempts.map((d, i) => (
              <td key={i}>{value(d)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
