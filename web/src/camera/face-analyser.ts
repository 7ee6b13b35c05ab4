import type { FaceObservation } from '../../../src/core/camera/types.js';
import type { FaceWorkerReply, FaceWorkerRequest } from './face-worker.js';

/**
 * Turns camera frames into face observations (the input of the camera report) in a worker (see
 * face-worker.ts): human on tfjs's WebAssembly backend, loaded from this server's /camera/. Nothing
 * leaves the device. One worker per page, started on the first "Use camera".
 */
export class FaceAnalyser {
  private readonly waiting = new Map<number, (reply: Extract<FaceWorkerReply, { type: 'face' }>) => void>();
  private nextId = 0;

  private constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (event: MessageEvent<FaceWorkerReply>) => {
      const reply = event.data;
      if (reply.type !== 'face') return;
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
  }

  static create(): Promise<FaceAnalyser> {
    loading ??= FaceAnalyser.start().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  }

  /** The face in this frame, or undefined when there is none. */
  async observe(frame: HTMLVideoElement | HTMLCanvasElement): Promise<FaceObservation | undefined> {
    const bitmap = await createImageBitmap(frame);
    const id = this.nextId++;
    const reply = await new Promise<Extract<FaceWorkerReply, { type: 'face' }>>((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ type: 'frame', id, frame: bitmap } satisfies FaceWorkerRequest, [bitmap]);
    });
    if (reply.error) throw new Error(reply.error);
    return reply.face;
  }

  private static async start(): Promise<FaceAnalyser> {
    const worker = new Worker(new URL('./face-worker.ts', import.meta.url), { type: 'module' });
    const base = new URL('camera/', new URL(document.baseURI)).href;
    const loaded = await new Promise<FaceWorkerReply>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<FaceWorkerReply>) => resolve(event.data), { once: true });
      worker.addEventListener('error', (event) => reject(new Error(event.message || 'the face analysis could not start')), { once: true });
      worker.postMessage({ type: 'load', base } satisfies FaceWorkerRequest);
    });
    if (loaded.type === 'failed') {
      worker.terminate();
      throw new Error(loaded.message);
    }
    return new FaceAnalyser(worker);
  }
}

let loading: Promise<FaceAnalyser> | null = null;
