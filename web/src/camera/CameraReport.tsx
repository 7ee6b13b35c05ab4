import type { CameraReport, Moment } from '../../../src/core/camera';

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${m}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
}

const TIMELINE_LABELS: Record<string, string> = {
  'face-not-visible': 'face not visible',
  'badly-framed': 'out of frame',
  'looking-away': 'looking away',
  'long-look-away': 'long look away',
  'looking-down': 'looking down',
  fidgeting: 'moving a lot',
  'too-dim': 'too dim',
};

/** The answer's timeline with the stretches each camera finding points at (click one to hear that moment). */
function Timeline({ report, onSeek }: { report: CameraReport; onSeek?: (seconds: number) => void }) {
  const rows = report.findings.filter((f) => f.moments.length > 0);
  if (rows.length === 0 || report.durationSec <= 0) return null;
  const place = (m: Moment) => ({
    left: `${(100 * m.startSec) / report.durationSec}%`,
    width: `${Math.max(0.5, (100 * (m.endSec - m.startSec)) / report.durationSec)}%`,
  });
  return (
    <div className="camera-timeline" aria-label="Camera moments on the recording timeline">
      {rows.map((f) => (
        <div className="timeline-row" key={f.code}>
          <span className="timeline-label">{TIMELINE_LABELS[f.code] ?? f.code}</span>
          <span className="timeline-track">
            {f.moments.map((m) => (
              <button
                key={m.startSec}
                type="button"
                className={`timeline-mark ${f.code}`}
                style={place(m)}
                title={`${clock(m.startSec)}–${clock(m.endSec)}`}
                aria-label={`${TIMELINE_LABELS[f.code] ?? f.code} from ${clock(m.startSec)} to ${clock(m.endSec)}`}
                onClick={() => onSeek?.(m.startSec)}
              />
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}

/**
 * On camera: framing, where the user looked, head movement and light, each flag with what to do and
 * its moments. Honest about what the measurement tells: "looking at the screen", not eye contact.
 */
export function CameraReportView({ report, onSeek }: { report: CameraReport; onSeek?: (seconds: number) => void }) {
  const approximate = report.reliability.gaze === 'head-only' ? ' (from head pose only)' : '';
  return (
    <div className="camera-report" aria-label="On camera">
      <h3>On camera</h3>
      <dl>
        <dt>Face visible</dt>
        <dd>{report.faceVisiblePct}% of the time</dd>
        <dt>Well framed</dt>
        <dd>{report.wellFramedPct}% of the time</dd>
        <dt>Looking at the screen{approximate}</dt>
        <dd>{report.lookingAtScreenPct}% of the time your face was visible (glances under a second count as looking)</dd>
        <dt>Longest look away</dt>
        <dd>{report.longestLookAwaySec > 0 ? `${report.longestLookAwaySec.toFixed(1)} s` : 'none'}</dd>
        <dt>Looking down</dt>
        <dd>{report.lookingDownPct}%</dd>
        <dt>Head movement</dt>
        <dd>{report.headMovement === 'steady' ? 'steady' : `moving a lot (${report.fidgetingPct}% of the answer)`}</dd>
        <dt>Light on your face</dt>
        <dd>{report.tooDimPct > 0 ? `too dim ${report.tooDimPct}% of the time` : 'fine'}</dd>
        {report.smilingPct !== undefined && (
          <>
            <dt>Smiling (for information)</dt>
            <dd>{report.smilingPct}%</dd>
          </>
        )}
      </dl>
      <Timeline report={report} onSeek={onSeek} />
      <ul className="camera-findings">
        {report.findings.length === 0 && <li className="none">Nothing to change on camera.</li>}
        {report.findings.map((f) => (
          <li key={f.code}>
            <code>{f.code}</code>{' '}
            {f.moments.length > 0 &&
              (onSeek ? (
                <button type="button" className="link at" onClick={() => onSeek(f.atSec)}>
                  at {clock(f.atSec)}
                </button>
              ) : (
                <span className="at">at {clock(f.atSec)}</span>
              ))}{' '}
            {f.message}
          </li>
        ))}
      </ul>
      <p className="hint">
        Measured from {report.framesAnalysed} frames ({report.framesPerSecond} a second) analysed on this device. The camera tells whether you faced the screen,
        not whether you met the interviewer’s eyes.
      </p>
    </div>
  );
}
