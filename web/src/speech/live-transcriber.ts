import { defaultDeliveryParameters } from '../../../src/core/delivery/params';
import type { TranscriptSegment } from '../../../src/core/delivery/types';
import { detectVoiceActivity, type TimeSpan } from '../../../src/core/delivery/vad';
import type { QuestionKind } from '../../../src/core/types';
import { planChunks } from '../../../src/speech/chunks';
import type { MoonshineModel } from '../../../src/speech/moonshine';
import { analysisOf, prepareAudio, type RecordingAnalysis } from '../../../src/speech/recording';
import { SPEECH_SAMPLE_RATE } from '../../../src/speech/resample';

/** A chunk counts as finished once this much silence follows it (chunks split at 1 s gaps). */
const SETTLED_SEC = 1.0;
/** Chunk edges move a little as the noise floor is re-estimated; within this they are the same chunk. */
const SAME_EDGE_SEC = 0.25;

interface DoneChunk extends TimeSpan {
  text: string;
}

/**
 * Transcribes a recording as it grows: each chunk of speech is transcribed once a pause ends it,
 * and remembered, so stopping only costs the last chunk.
 */
export class LiveTranscriber {
  private readonly done: DoneChunk[] = [];
  private readonly params = defaultDeliveryParameters();

  constructor(private readonly model: MoonshineModel) {}

  /** The transcript of the settled chunks in `samples` (the recording so far). */
  async update(samples: Float32Array): Promise<TranscriptSegment[]> {
    const nowSec = samples.length / SPEECH_SAMPLE_RATE;
    const activity = detectVoiceActivity(samples, SPEECH_SAMPLE_RATE, this.params);
    const settled = planChunks(activity.segments, nowSec).filter((c) => c.endSec < nowSec - SETTLED_SEC);
    return this.transcribe(samples, settled);
  }

  /** The final analysis: transcript, segments and delivery of the whole recording. */
  async finish(samples: Float32Array, kind?: QuestionKind): Promise<RecordingAnalysis> {
    const audio = prepareAudio({ sampleRate: SPEECH_SAMPLE_RATE, samples });
    const chunks = planChunks(audio.activity.segments, samples.length / SPEECH_SAMPLE_RATE);
    return analysisOf(audio, await this.transcribe(samples, chunks), kind);
  }

  private async transcribe(samples: Float32Array, chunks: TimeSpan[]): Promise<TranscriptSegment[]> {
    const segments: TranscriptSegment[] = [];
    for (const chunk of chunks) {
      let known = this.done.find((d) => Math.abs(d.startSec - chunk.startSec) < SAME_EDGE_SEC && Math.abs(d.endSec - chunk.endSec) < SAME_EDGE_SEC);
      if (!known) {
        const slice = samples.subarray(Math.round(chunk.startSec * SPEECH_SAMPLE_RATE), Math.round(chunk.endSec * SPEECH_SAMPLE_RATE));
        known = { ...chunk, text: (await this.model.transcribeChunk(slice)).trim() };
        this.done.push(known);
      }
      if (known.text) segments.push({ startSec: Math.round(chunk.startSec * 100) / 100, endSec: Math.round(chunk.endSec * 100) / 100, text: known.text });
    }
    return segments;
  }
}
