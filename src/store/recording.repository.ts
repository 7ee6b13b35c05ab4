/** The kept audio of one spoken answer. */
export interface RecordingRecord {
  attemptId: string;
  /** As recorded: audio/wav from the web app, or the browser's own format. */
  mediaType: string;
  audio: Uint8Array;
  createdAt: string;
}

/** Stores kept recordings, one per attempt; deleting an attempt deletes its recording (attempt repository). */
export interface RecordingRepository {
  /** Saves (or replaces) the attempt's recording. */
  save(recording: RecordingRecord): Promise<void>;
  find(attemptId: string): Promise<RecordingRecord | undefined>;
  /** The attempts that have a kept recording. */
  listAttemptIds(): Promise<string[]>;
  /** False when the attempt had no recording. */
  delete(attemptId: string): Promise<boolean>;
  /** Deletes every kept recording; returns how many. */
  deleteAll(): Promise<number>;
}
