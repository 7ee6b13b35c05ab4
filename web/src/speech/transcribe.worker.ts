/// <reference lib="webworker" />
/**
 * Transcription off the page's main thread: the speech model and the live transcriber live here,
 * so typing, buttons and live feedback stay responsive while Moonshine runs. Messages carry
 * 16 kHz samples in and segments or the final analysis out; nothing leaves the browser.
 */
import type { QuestionKind } from '../../../src/core/types';
import { RecordingError } from '../../../src/speech/recording';
import { loadSpeechModel } from './engine';
import { LiveTranscriber } from './live-transcriber';

export type WorkerRequest =
  | { id: number; type: 'load'; base: string }
  | { id: number; type: 'update'; samples: Float32Array }
  | { id: number; type: 'finish'; samples: Float32Array; kind?: QuestionKind }
  | { id: number; type: 'reset' };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; problem?: RecordingError['problem'] };

let live: LiveTranscriber | null = null;
let base = '';

async function transcriber(): Promise<LiveTranscriber> {
  live ??= new LiveTranscriber(await loadSpeechModel(base));
  return live;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'load':
      base = request.base;
      await transcriber();
      return null;
    case 'update':
      return (await transcriber()).update(request.samples);
    case 'finish':
      return (await transcriber()).finish(request.samples, request.kind);
    case 'reset':
      live = null; // a new recording starts with no remembered chunks
      return null;
  }
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
// One request at a time, in order: an update never overtakes the final transcript.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    try {
      scope.postMessage({ id: request.id, ok: true, value: await handle(request) } satisfies WorkerReply);
    } catch (error) {
      const problem = error instanceof RecordingError ? error.problem : undefined;
      scope.postMessage({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        ...(problem ? { problem } : {}),
      } satisfies WorkerReply);
    }
  });
};
