import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CameraReport } from '../../../src/core/camera';
import { CameraOption, type CameraControl } from '../camera/CameraOption';
import { QUESTION_KINDS, type QuestionKind } from '../../../src/core/types';
import { RecordingError, type RecordingAnalysis } from '../../../src/speech/recording';
import { encodeWav16 } from '../../../src/speech/wav';
import { SPEECH_SAMPLE_RATE } from '../../../src/speech/resample';
import { MicRecorder, microphoneProblem } from './recorder';
import { speechApi } from './spoken-api';
import { WorkerTranscriber } from './worker-transcriber';

/** A spoken answer: its analysis and, for playback in this page only, the recording. */
export interface SpokenAnswer {
  analysis: RecordingAnalysis;
  audioUrl: string;
  /** The recording itself (16 kHz WAV), sent to the server only when the user keeps recordings. */
  audio: Blob;
  /** Milliseconds from Stop to the final transcript (shown to the benchmark). */
  finishMs: number;
  /** What the camera saw, when the user answered with "Use camera". */
  camera?: CameraReport;
}

type Phase = 'idle' | 'calibrating' | 'recording' | 'finishing';

const LIVE_EVERY_MS = 700;

/**
 * Record: speech is transcribed in this page as the user talks (each pause adds to the
 * transcript, and the answer box — hence live feedback — follows); Stop gives the final
 * transcript and the delivery report. Audio never leaves the page.
 */
export function RecordPanel(props: {
  kind: string;
  onTranscript: (text: string) => void;
  onRecorded: (spoken: SpokenAnswer) => void;
  /** Answers here are saved, so their audio can be kept: shows the Keep recordings switch. */ canKeepRecordings?: boolean;
}) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const session = useRef<{ recorder: MicRecorder; live: Promise<WorkerTranscriber>; timer: number; busy: Promise<void> } | null>(null);
  const camera = useRef<CameraControl>(null);
  const onTranscript = useRef(props.onTranscript);
  useLayoutEffect(() => {
    onTranscript.current = props.onTranscript;
  });

  useEffect(
    () => () => {
      const s = session.current;
      if (!s) return;
      clearInterval(s.timer);
      void s.recorder.stop();
    },
    [],
  );

  const start = async () => {
    setProblem('');
    let recorder: MicRecorder;
    try {
      if (camera.current?.isOn()) {
        setPhase('calibrating');
        await camera.current.calibrate();
      }
      recorder = await MicRecorder.start();
    } catch (error) {
      setProblem(microphoneProblem(error));
      void camera.current?.finish(0);
      setPhase('idle');
      return;
    }
    setStatus('Loading the speech model (the first time only; it stays on this device)…');
    const live = WorkerTranscriber.start().then((transcriber) => {
      setStatus('Listening… the transcript grows at each pause.');
      return transcriber;
    });
    live.catch((error: Error) => setProblem(`Transcription is unavailable: ${error.message}. You can type your answer below.`));
    const s = { recorder, live, timer: 0, busy: Promise.resolve() };
    s.timer = window.setInterval(() => {
      s.busy = s.busy
        .then(async () => {
          const segments = await (await s.live).update(s.recorder.samples());
          if (session.current === s && segments.length > 0) onTranscript.current(segments.map((x) => x.text).join(' '));
        })
        .catch(() => {});
    }, LIVE_EVERY_MS);
    session.current = s;
    camera.current?.start();
    setPhase('recording');
  };

  const stop = async () => {
    const s = session.current;
    if (!s) return;
    session.current = null;
    clearInterval(s.timer);
    setPhase('finishing');
    setStatus('Finishing the transcript…');
    const stoppedAt = performance.now();
    try {
      const samples = await s.recorder.stop();
      const cameraReport = await camera.current?.finish(samples.length / SPEECH_SAMPLE_RATE);
      await s.busy;
      const analysis = await (await s.live).finish(samples, asQuestionKind(props.kind));
      const audio = new Blob([encodeWav16({ sampleRate: SPEECH_SAMPLE_RATE, samples }) as Uint8Array<ArrayBuffer>], { type: 'audio/wav' });
      props.onTranscript(analysis.transcript);
      props.onRecorded({
        analysis,
        audioUrl: URL.createObjectURL(audio),
        audio,
        finishMs: Math.round(performance.now() - stoppedAt),
        ...(cameraReport ? { camera: cameraReport } : {}),
      });
      setStatus('Done: fix any misheard words in the transcript, then submit.');
    } catch (error) {
      setStatus('');
      setProblem(
        error instanceof RecordingError
          ? `${capitalise(error.message)}. Try again, or type your answer below.`
          : `Transcription failed: ${(error as Error).message}. You can type your answer below.`,
      );
    }
    setPhase('idle');
  };

  return (
    <div className="record" aria-label="Answer out loud" role="group">
      {phase === 'recording' ? (
        <button type="button" className="primary recording" onClick={() => void stop()}>
          Stop
        </button>
      ) : (
        <button type="button" className="primary" disabled={phase === 'finishing' || phase === 'calibrating'} onClick={() => void start()}>
          Record
        </button>
      )}
      <span className="hint">
        Transcribed on this device; {props.canKeepRecordings ? 'audio is saved only if you keep recordings.' : 'no audio is sent anywhere.'}
      </span>
      {props.canKeepRecordings && <KeepRecordings />}
      <CameraOption control={camera} disabled={phase !== 'idle'} />
      {status && (
        <p role="status" className="record-status">
          {status}
        </p>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}

function asQuestionKind(kind: string): QuestionKind | undefined {
  return (QUESTION_KINDS as readonly string[]).includes(kind) ? (kind as QuestionKind) : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The "keep recordings" setting (off by default, saved on this machine's Loop Coach): kept audio plays back in the interview report. */
export function KeepRecordings() {
  const [keep, setKeep] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    speechApi.settings().then(
      (s) => setKeep(s.keepRecordings),
      () => setKeep(null),
    );
  }, []);
  if (keep === null) return null;
  const change = async (value: boolean) => {
    setError('');
    setKeep(value); // the switch follows the click at once; a failed save puts it back
    try {
      setKeep((await speechApi.setKeepRecordings(value)).keepRecordings);
      // Turning it off stops keeping new audio; the audio kept so far goes too if the user says so.
      const kept = value ? 0 : (await speechApi.recordings()).attemptIds.length;
      if (kept > 0 && window.confirm(`Also delete the ${kept} recording${kept === 1 ? '' : 's'} kept so far? Transcripts and feedback stay.`))
        await speechApi.deleteAllRecordings();
    } catch (e) {
      setError((e as Error).message);
      speechApi.settings().then(
        (saved) => setKeep(saved.keepRecordings),
        () => setKeep(!value),
      );
    }
  };
  return (
    <label className="switch keep-recordings">
      <input type="checkbox" checked={keep} onChange={(e) => void change(e.target.checked)} /> Keep recordings (stored in Loop Coach&apos;s database, to play
      back later)
      {error && (
        <span role="alert" className="error">
          {' '}
          {error}
        </span>
      )}
    </label>
  );
}
