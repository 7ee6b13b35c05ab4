import type { TimeSpan } from '../core/delivery/vad.js';

/** Longest stretch given to the model at once: whole-file decoding of ~27 s can return nothing. */
export const MAX_CHUNK_SEC = 20;
/** A gap this long always ends a chunk, so long pauses fall between transcript segments. */
const SPLIT_GAP_SEC = 1.0;
/** Audio kept on each side of a chunk's speech, so soft word edges are not clipped. */
const PAD_SEC = 0.2;

/**
 * Groups speech segments into chunks of at most 20 s, cut at pauses: a new chunk starts at every
 * gap of a second or more, or where the next segment would overflow. A single segment longer than
 * the limit is cut into equal parts.
 */
export function planChunks(speech: TimeSpan[], durationSec: number, maxSec = MAX_CHUNK_SEC): TimeSpan[] {
  const chunks: TimeSpan[] = [];
  for (const segment of speech.flatMap((s) => splitLong(s, maxSec - 2 * PAD_SEC))) {
    const current = chunks[chunks.length - 1];
    const isNear = current && segment.startSec - current.endSec < SPLIT_GAP_SEC;
    if (current && isNear && segment.endSec - current.startSec <= maxSec - 2 * PAD_SEC) current.endSec = segment.endSec;
    else chunks.push({ ...segment });
  }
  return chunks.map((c) => ({ startSec: Math.max(0, c.startSec - PAD_SEC), endSec: Math.min(durationSec, c.endSec + PAD_SEC) }));
}

function splitLong(span: TimeSpan, maxSec: number): TimeSpan[] {
  const length = span.endSec - span.startSec;
  if (length <= maxSec) return [span];
  const parts = Math.ceil(length / maxSec);
  const step = length / parts;
  return Array.from({ length: parts }, (_, i) => ({ startSec: span.startSec + i * step, endSec: span.startSec + (i + 1) * step }));
}
