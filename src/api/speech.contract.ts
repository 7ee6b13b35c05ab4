/** Speech: POST /api/transcribe (a WAV body) and the in-page transcription assets under /speech/. */
import { z } from 'zod';
import { QUESTION_KINDS } from '../core/types.js';
import { DELIVERY_CODES } from '../core/delivery/types.js';
import { CAMERA_CODES } from '../core/camera/types.js';

/** POST /api/transcribe?kind: the question's kind, to judge the answer's length. */
export const transcribeQuerySchema = z.object({
  kind: z.enum(QUESTION_KINDS).optional().describe("the question's kind, to judge the answer's length"),
});
export type TranscribeQuery = z.infer<typeof transcribeQuerySchema>;

/** Ten minutes is the longest recording; times beyond it are not a recording of ours. */
const seconds = z.number().min(0).max(3600);
const text = (max: number) => z.string().max(max);

/** A timed stretch of transcript. */
export const transcriptSegmentSchema = z.strictObject({ startSec: seconds, endSec: seconds, text: text(5000) });

/** The `delivery` object of the public contract, as the page measured it. */
export const deliverySchema = z.strictObject({
  durationSec: seconds,
  speakingSec: seconds,
  wordsPerMinute: z.number().min(0).max(1000),
  pauses: z.array(z.strictObject({ startSec: seconds, endSec: seconds })).max(1000),
  fillers: z.array(z.strictObject({ word: text(40), count: z.number().int().min(0).max(10_000) })).max(50),
  pitchVariationSemitones: z.number().min(0).max(100),
  loudnessDb: z.number().min(-200).max(20),
  findings: z.array(z.strictObject({ code: z.enum(DELIVERY_CODES), message: text(1000), atSec: seconds })).max(50),
});

const percent = z.number().min(0).max(100);
const moment = z.strictObject({ startSec: seconds, endSec: seconds });

/** What the camera saw during the answer (the CameraReport the page measured): a summary only, never a frame or video. */
export const cameraSummarySchema = z.strictObject({
  durationSec: seconds,
  framesAnalysed: z.number().int().min(0).max(1_000_000),
  framesPerSecond: z.number().min(0).max(240),
  faceVisiblePct: percent,
  wellFramedPct: percent,
  lookingAtScreenPct: percent,
  lookingAwayPct: percent,
  longestLookAwaySec: seconds,
  lookingDownPct: percent,
  fidgetingPct: percent,
  headMovement: z.enum(['steady', 'fidgeting']),
  tooDimPct: percent,
  smilingPct: percent.optional(),
  lookAways: z.array(moment.extend({ direction: z.enum(['down', 'up', 'side']) })).max(500),
  reliability: z.strictObject({ gaze: z.enum(['eyes-and-head', 'head-only']), isUnreliable: z.boolean(), reasons: z.array(text(300)).max(10) }),
  findings: z.array(z.strictObject({ code: z.enum(CAMERA_CODES), message: text(1000), atSec: seconds, moments: z.array(moment).max(500) })).max(20),
});

/** A spoken answer sent with its text: what the recording said, in timed segments, and its delivery. */
export const spokenInputSchema = z.strictObject({
  transcript: text(20_000),
  segments: z.array(transcriptSegmentSchema).max(2000),
  delivery: deliverySchema,
  camera: cameraSummarySchema
    .optional()
    .describe('what the camera saw, when the answer was recorded with the camera on: percentages, moments and findings only, no frame or video'),
});

export const speechSettingsSchema = z.strictObject({ keepRecordings: z.boolean() });
