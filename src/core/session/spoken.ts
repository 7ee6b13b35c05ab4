import type { CameraReport } from '../camera/types.js';
import type { DeliveryTrend } from '../delivery/trend.js';
import type { Delivery, TranscriptSegment } from '../delivery/types.js';
import type { SessionReport } from './report.js';

/** How an answer was spoken: the transcript the recording gave, whether the user edited it before submitting, its timed segments and delivery. */
export interface SpokenRecord {
  transcript: string;
  isEdited: boolean;
  segments: TranscriptSegment[];
  delivery: Delivery;
  /** What the camera saw, when the answer was recorded with "Use camera": its summary only (no frame, no video). */
  camera?: CameraReport;
}

/** A spoken answer as the client measured it; whether it was edited is judged against the text submitted. */
export type SpokenInput = Omit<SpokenRecord, 'isEdited'>;

/** A spoken answer of a session, for playback and review beside its transcript. */
export interface SpokenAnswerView extends SpokenRecord {
  attemptId: string;
  questionId: string;
  parentAttemptId: string | null;
  prompt: string;
}

/** The session report plus how its answers were spoken (empty when all were typed). */
export interface SessionReportView extends SessionReport {
  delivery: DeliveryTrend;
  spoken: SpokenAnswerView[];
}

/** The user's choices about spoken answers. */
export interface SpeechSettings {
  /** Keep the audio of spoken answers for playback; off by default (only transcripts are saved). */
  keepRecordings: boolean;
}

/** True when the submitted text differs from the recording's transcript (the user fixed words by hand). */
export function isEditedTranscript(submitted: string, transcript: string): boolean {
  return submitted.trim() !== transcript.trim();
}
