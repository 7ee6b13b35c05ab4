// The face analysis in a worker of its own, so it does not wait for (or hold up) the speech model
// on the page's thread. Frames arrive as ImageBitmaps and never leave this device.
import type { FaceObservation } from '../../../src/core/camera/types.js';
import { loadHuman, observeFace, type HumanLike } from './face-model.js';

/** Messages to the worker. */
export type FaceWorkerRequest = { type: 'load'; base: string } | { type: 'frame'; id: number; frame: ImageBitmap };
/** Messages from the worker. */
export type FaceWorkerReply = { type: 'loaded' } | { type: 'failed'; message: string } | { type: 'face'; id: number; face?: FaceObservation; error?: string };

const scope = self as unknown as { postMessage(message: FaceWorkerReply): void; onmessage: ((event: MessageEvent<FaceWorkerRequest>) => void) | null };
let human: Promise<HumanLike> | undefined;

async function answer(request: FaceWorkerRequest): Promise<FaceWorkerReply> {
  if (request.type === 'load') {
    human ??= loadHuman(request.base);
    try {
      await human;
      return { type: 'loaded' };
    } catch (error) {
      human = undefined;
      return { type: 'failed', message: (error as Error).message };
    }
  }
  try {
    if (!human) throw new Error('the face model is not loaded');
    const face = await observeFace(await human, request.frame);
    return face ? { type: 'face', id: request.id, face } : { type: 'face', id: request.id };
  } catch (error) {
    return { type: 'face', id: request.id, error: (error as Error).message };
  } finally {
    request.frame.close();
  }
}

scope.onmessage = (event) => {
  void answer(event.data).then((reply) => scope.postMessage(reply));
};
