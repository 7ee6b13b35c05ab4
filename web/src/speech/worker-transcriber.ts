import type { TranscriptSegment } from '../../../src/core/delivery/types';
import type { QuestionKind } from '../../../src/core/types';
import { RecordingError, type RecordingAnalysis } from '../../../src/speech/recording';
import type { WorkerReply, WorkerRequest } from './transcribe.worker';

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

/** The one transcription worker of this page (the model loads once and stays loaded). */
function transcriptionWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./transcribe.worker.ts', import.meta.url), { type: 'module', name: 'loopcoach-transcription' });
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!pending) return;
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(reply.problem ? new RecordingError(reply.problem, reply.message) : new Error(reply.message));
  };
  worker.onerror = (event) => {
    for (const pending of waiting.values()) pending.reject(new Error(event.message || 'the transcription worker stopped'));
    waiting.clear();
    worker = null;
  };
  return worker;
}

function ask<T>(request: Request, transfer: Transferable[] = []): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    transcriptionWorker().postMessage({ ...request, id }, transfer);
  });
}

/**
 * Live transcription in a Web Worker, with the LiveTranscriber's interface: `update` gives the
 * transcript of the settled chunks so far, `finish` the final analysis. Samples are copied to
 * the worker, so the recorder keeps its own.
 */
export class WorkerTranscriber {
  private constructor() {}

  /** Starts a new recording's transcription, loading the model (served by this app) the first time. */
  static async start(): Promise<WorkerTranscriber> {
    await ask({ type: 'reset' });
    await ask({ type: 'load', base: new URL('speech/', new URL(document.baseURI)).href });
    return new WorkerTranscriber();
  }

  update(samples: Float32Array): Promise<TranscriptSegment[]> {
    const copy = samples.slice();
    return ask({ type: 'update', samples: copy }, [copy.buffer]);
  }

  finish(samples: Float32Array, kind?: QuestionKind): Promise<RecordingAnalysis> {
    const copy = samples.slice();
    return ask({ type: 'finish', samples: copy, ...(kind ? { kind } : {}) }, [copy.buffer]);
  }
}
