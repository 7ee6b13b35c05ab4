import { audioContainerOf } from '../speech/decode-audio.js';
import { LoopCoachError } from '../errors.js';
import type { AttemptRepository } from '../store/attempt.repository.js';
import type { RecordingRecord, RecordingRepository } from '../store/recording.repository.js';
import type { SettingsRepository } from '../store/settings.repository.js';
import { MAX_AUDIO_BYTES } from './speech.service.js';
import type { SpeechSettings } from '../core/session/spoken.js';

const KEEP_RECORDINGS = 'speech.keepRecordings';

const MEDIA_TYPES = { wav: 'audio/wav', webm: 'audio/webm', ogg: 'audio/ogg' } as const;

export interface RecordingServiceDeps {
  attempts: AttemptRepository;
  recordings: RecordingRepository;
  settings: SettingsRepository;
  now?: () => Date;
}

/** Kept recordings of spoken answers: the keep setting, saving, playback and deletion (of a recording or a whole attempt). */
export class RecordingService {
  constructor(private readonly deps: RecordingServiceDeps) {}

  async settings(): Promise<SpeechSettings> {
    return { keepRecordings: (await this.deps.settings.get<boolean>(KEEP_RECORDINGS)) === true };
  }

  async updateSettings(settings: SpeechSettings): Promise<SpeechSettings> {
    await this.deps.settings.set(KEEP_RECORDINGS, settings.keepRecordings);
    return this.settings();
  }

  /**
   * Keeps the audio of a spoken answer, only when the user chose to keep recordings; the type
   * stored is read from the bytes (WAV, WebM or Ogg), not taken from the client.
   */
  async keep(attemptId: string, audio: Uint8Array): Promise<Omit<RecordingRecord, 'audio'> & { bytes: number }> {
    if (!(await this.settings()).keepRecordings)
      throw new LoopCoachError('recordings_off', 'keeping recordings is off; turn on "Keep recordings" to keep the audio of your answers');
    const attempt = await this.deps.attempts.find(attemptId);
    if (!attempt) throw new LoopCoachError('attempt_not_found', `no answer with id "${attemptId}"`);
    if (!attempt.spoken) throw new LoopCoachError('invalid_input', 'this answer was typed, not spoken; only a spoken answer keeps a recording');
    if (audio.length > MAX_AUDIO_BYTES)
      throw new LoopCoachError(
        'audio_too_long',
        `the recording is ${Math.round(audio.length / 1024 / 1024)} MB; the limit is ${MAX_AUDIO_BYTES / 1024 / 1024} MB`,
      );
    const container = audioContainerOf(audio);
    if (!container) throw new LoopCoachError('audio_invalid', 'not a WAV, WebM or Ogg recording');
    const record = { attemptId, mediaType: MEDIA_TYPES[container], audio, createdAt: (this.deps.now?.() ?? new Date()).toISOString() };
    await this.deps.recordings.save(record);
    return { attemptId, mediaType: record.mediaType, createdAt: record.createdAt, bytes: audio.length };
  }

  /** The kept audio of an answer, or recording_not_found. */
  async recording(attemptId: string): Promise<RecordingRecord> {
    const recording = await this.deps.recordings.find(attemptId);
    if (!recording) throw new LoopCoachError('recording_not_found', `the answer "${attemptId}" has no kept recording`);
    return recording;
  }

  /** Deletes an answer's audio (its transcript and feedback stay). */
  async deleteRecording(attemptId: string): Promise<void> {
    if (!(await this.deps.recordings.delete(attemptId))) throw new LoopCoachError('recording_not_found', `the answer "${attemptId}" has no kept recording`);
  }

  /** Deletes every kept recording; returns how many there were. */
  async deleteAllRecordings(): Promise<number> {
    return this.deps.recordings.deleteAll();
  }

  /** Deletes an answer, its follow-up answers and their recordings. */
  async deleteAttempt(attemptId: string): Promise<void> {
    if (!(await this.deps.attempts.delete(attemptId))) throw new LoopCoachError('attempt_not_found', `no answer with id "${attemptId}"`);
  }

  /** Which of these answers have a kept recording. */
  async withRecordings(): Promise<Set<string>> {
    return new Set(await this.deps.recordings.listAttemptIds());
  }
}
