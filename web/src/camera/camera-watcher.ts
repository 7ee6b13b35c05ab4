import {
  calibrateBaseline,
  defaultCameraParameters,
  measureCamera,
  type CameraBaseline,
  type CameraFrame,
  type CameraReport,
} from '../../../src/core/camera/index.js';
import { FaceAnalyser } from './face-analyser.js';

/** At most this many frames a second are analysed: about 0.4 of a core on a 2-core laptop, leaving the rest for speech. */
export const MAX_ANALYSED_FPS = 8;
/** How long the user looks at the dot beside the camera. */
export const CALIBRATION_MS = 3000;

const params = defaultCameraParameters();

/** The camera could not be used: what to tell the user (the answer is recorded as audio only). */
export class CameraUnavailable extends Error {}

/** What went wrong opening the camera, said so the user knows what to do; audio still works. */
export function cameraProblem(error: unknown): string {
  if (error instanceof CameraUnavailable) return error.message;
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'Camera access was denied, so this answer is recorded as audio only. Allow the camera in your browser’s site settings to use it.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found, so this answer is recorded as audio only.';
  if (name === 'NotReadableError') return 'The camera is in use by another application, so this answer is recorded as audio only.';
  return `The camera could not start (${error instanceof Error ? error.message : String(error)}), so this answer is recorded as audio only.`;
}

/**
 * The camera during one answer: the stream shown in the self-view, frames analysed in this page
 * (at most MAX_ANALYSED_FPS, never faster than the analysis keeps up), a calibration, then the
 * frames of the answer. No frame is stored or sent anywhere.
 */
export class CameraWatcher {
  private frames: CameraFrame[] = [];
  private startedAt = 0;
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  private constructor(
    readonly stream: MediaStream,
    private readonly video: HTMLVideoElement,
    private readonly analyser: FaceAnalyser,
  ) {}

  /** Opens the camera into `video` and loads the face model; throws what cameraProblem() explains. */
  static async open(video: HTMLVideoElement): Promise<CameraWatcher> {
    if (!navigator.mediaDevices?.getUserMedia)
      throw new CameraUnavailable('This page cannot use a camera (it needs https or localhost), so this answer is recorded as audio only.');
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 15 } },
      audio: false,
    });
    try {
      video.srcObject = stream;
      video.muted = true;
      await video.play();
      const analyser = await FaceAnalyser.create().catch((error: Error) => {
        throw new CameraUnavailable(`The face model could not be loaded (${error.message}), so this answer is recorded as audio only.`);
      });
      return new CameraWatcher(stream, video, analyser);
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      throw error;
    }
  }

  /**
   * Looks for CALIBRATION_MS while the user looks at the dot beside the camera; the median pose is
   * their "looking at the screen". Throws CameraUnavailable when this device analyses too few
   * frames a second to judge; undefined when no face was seen (the report then says so).
   */
  async calibrate(): Promise<CameraBaseline | undefined> {
    this.begin();
    await new Promise((resolve) => setTimeout(resolve, CALIBRATION_MS));
    const frames = await this.end();
    const fps = frames.length / (CALIBRATION_MS / 1000);
    if (fps < params.minFramesPerSecond)
      throw new CameraUnavailable(
        `This device analysed only ${fps.toFixed(1)} camera frames a second, too few to judge, so this answer is recorded as audio only.`,
      );
    return calibrateBaseline(frames, params);
  }

  /** Starts analysing; frame times count from now. */
  begin(): void {
    this.frames = [];
    this.startedAt = performance.now();
    this.running = true;
    this.loop = this.run();
  }

  /** Stops analysing and returns the frames since begin(). */
  async end(): Promise<CameraFrame[]> {
    this.running = false;
    await this.loop;
    return this.frames;
  }

  /** The camera report of the frames since begin(), over `durationSec` (the recording's length). */
  async report(baseline: CameraBaseline | undefined, durationSec: number): Promise<CameraReport> {
    const frames = await this.end();
    return measureCamera({ frames, durationSec, ...(baseline ? { baseline } : {}) }, params);
  }

  /** Turns the camera off. */
  close(): void {
    this.running = false;
    for (const track of this.stream.getTracks()) track.stop();
    this.video.srcObject = null;
  }

  private async run(): Promise<void> {
    const interval = 1000 / MAX_ANALYSED_FPS;
    while (this.running) {
      const tickAt = performance.now();
      if (this.video.readyState >= 2) {
        const atSec = (tickAt - this.startedAt) / 1000;
        try {
          const face = await this.analyser.observe(this.video);
          if (!this.running) break;
          this.frames.push(face ? { atSec, face } : { atSec });
        } catch {
          // a frame the model could not read is skipped, not fatal
        }
      }
      const wait = interval - (performance.now() - tickAt);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    }
  }
}
