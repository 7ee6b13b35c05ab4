import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import type { CameraBaseline, CameraReport } from '../../../src/core/camera';
import { CameraUnavailable, CameraWatcher, cameraProblem } from './camera-watcher';

/** What the recording panel asks of the camera: calibrate before recording, watch during it, report after. */
export interface CameraControl {
  /** True when the camera is on and ready to watch the next answer. */
  isOn(): boolean;
  /** The 3 s calibration (the user looks at the dot); turns the camera off (audio only) if this device is too slow. */
  calibrate(): Promise<void>;
  /** Starts watching: frame times count from now (call it when recording starts). */
  start(): void;
  /** Stops watching and measures the answer, `durationSec` long; undefined when the camera was not used. */
  finish(durationSec: number): Promise<CameraReport | undefined>;
}

type Phase = 'off' | 'opening' | 'ready' | 'calibrating' | 'answering';

/** The user's choice lasts for this visit: the next question (a new recording panel) opens the camera again. */
let isWanted = false;

/**
 * "Use camera": a small self-view with a framing guide, the calibration dot, and no overlay while
 * answering. Frames are analysed in this page and never leave it; nothing is recorded.
 */
export function CameraOption({ control, disabled }: { control: Ref<CameraControl>; disabled: boolean }) {
  const [phase, setPhase] = useState<Phase>('off');
  const [problem, setProblem] = useState('');
  const [note, setNote] = useState('');
  const video = useRef<HTMLVideoElement>(null);
  const watcher = useRef<CameraWatcher | null>(null);
  const baseline = useRef<CameraBaseline | undefined>(undefined);
  const phaseNow = useRef<Phase>('off');
  useLayoutEffect(() => {
    phaseNow.current = phase;
  });

  const isMounted = useRef(true);

  const turnOff = (message = '') => {
    isWanted = false;
    watcher.current?.close();
    watcher.current = null;
    setProblem(message);
    setPhase('off');
  };

  const isOpening = useRef(false);
  const turnOn = async () => {
    if (watcher.current || isOpening.current) return;
    isOpening.current = true;
    setProblem('');
    setNote('');
    setPhase('opening');
    isWanted = true;
    try {
      const opened = await CameraWatcher.open(video.current!);
      if (!isMounted.current) return opened.close();
      watcher.current = opened;
      setPhase('ready');
    } catch (error) {
      turnOff(cameraProblem(error));
    } finally {
      isOpening.current = false;
    }
  };

  // On mount only: reopen the camera the user chose for an earlier question (turnOn reads refs, so
  // re-running it on every render would reopen the camera; the module-level choice is the input).
  useEffect(() => {
    isMounted.current = true;
    if (isWanted) void Promise.resolve().then(turnOn);
    return () => {
      isMounted.current = false;
      watcher.current?.close();
      watcher.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useImperativeHandle(control, () => ({
    isOn: () => watcher.current !== null && phaseNow.current === 'ready',
    async calibrate() {
      const w = watcher.current;
      if (!w) return;
      setPhase('calibrating');
      try {
        baseline.current = await w.calibrate();
        setNote(baseline.current ? '' : 'The calibration did not see your face, so the camera figures assume your camera is straight in front of you.');
        setPhase('answering');
      } catch (error) {
        turnOff(error instanceof CameraUnavailable ? error.message : cameraProblem(error));
      }
    },
    start() {
      watcher.current?.begin();
    },
    async finish(durationSec: number) {
      const w = watcher.current;
      if (!w || phaseNow.current !== 'answering') return undefined;
      const report = await w.report(baseline.current, durationSec);
      setPhase('ready');
      return report;
    },
  }));

  const isOn = phase !== 'off';
  return (
    <div className="camera-option">
      <label>
        <input type="checkbox" checked={isOn} disabled={disabled || phase === 'opening'} onChange={(e) => (e.target.checked ? void turnOn() : turnOff())} /> Use
        camera
      </label>
      <div className={`self-view${isOn ? '' : ' hidden'}`}>
        <video ref={video} aria-label="Your camera (self-view)" playsInline muted />
        {phase === 'ready' && <div className="framing-guide" aria-hidden="true" />}
      </div>
      {phase === 'opening' && (
        <p role="status" className="record-status">
          Starting the camera and loading the face model (it stays on this device)…
        </p>
      )}
      {phase === 'ready' && <p className="hint">Fit your face inside the oval. Frames are analysed on this device and never leave it; no video is recorded.</p>}
      {phase === 'calibrating' && (
        <>
          <div className="calibration-dot" aria-hidden="true" />
          <p role="status" className="record-status calibrating">
            Look at the dot at the top of your screen, beside your camera, for 3 seconds…
          </p>
        </>
      )}
      {note && <p className="hint">{note}</p>}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}
