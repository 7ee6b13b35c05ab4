import { SPEECH_SAMPLE_RATE, resample } from '../../../src/speech/resample';

/** What went wrong opening the microphone, said so the user knows what to do; typing still works. */
export function microphoneProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return 'Microphone access was denied. Allow it in your browser’s site settings to record, or type your answer below.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No microphone was found. Connect one to record, or type your answer below.';
  if (name === 'NotReadableError') return 'The microphone is in use by another application. Close it to record, or type your answer below.';
  return `Recording could not start (${error instanceof Error ? error.message : String(error)}). You can type your answer below.`;
}

/**
 * Captures the microphone as 16 kHz mono samples held in this page. The tap is an AudioWorklet
 * (public/capture-worklet.js): it runs on the audio thread, so nothing is lost while the speech
 * model keeps the page busy.
 */
export class MicRecorder {
  private readonly parts: Float32Array[] = [];
  private length = 0;

  private constructor(
    private readonly stream: MediaStream,
    private readonly context: AudioContext,
    private readonly tap: AudioWorkletNode,
  ) {}

  static async start(): Promise<MicRecorder> {
    if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('this page cannot use a microphone (it needs https or localhost)', 'NotSupportedError');
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
    const context = new AudioContext({ sampleRate: SPEECH_SAMPLE_RATE });
    const source = context.createMediaStreamSource(stream);
    await context.audioWorklet.addModule(new URL('capture-worklet.js', document.baseURI).href);
    const tap = new AudioWorkletNode(context, 'loopcoach-capture', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1 });
    source.connect(tap);
    const recorder = new MicRecorder(stream, context, tap);
    tap.port.onmessage = (event: MessageEvent<Float32Array>) => recorder.push(event.data);
    return recorder;
  }

  private push(block: Float32Array): void {
    this.parts.push(block);
    this.length += block.length;
  }

  /** Everything recorded so far, at 16 kHz. */
  samples(): Float32Array {
    const all = new Float32Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      all.set(part, at);
      at += part.length;
    }
    return this.context.sampleRate === SPEECH_SAMPLE_RATE ? all : resample(all, this.context.sampleRate);
  }

  async stop(): Promise<Float32Array> {
    this.tap.port.onmessage = null;
    this.tap.disconnect();
    for (const track of this.stream.getTracks()) track.stop();
    await this.context.close();
    return this.samples();
  }
}
