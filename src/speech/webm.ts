/**
 * A small WebM (Matroska) demuxer for what browsers record: the first audio track's codec, its
 * Opus header and the frames of its blocks. Pure: bytes in, frames out. Sizes may be "unknown"
 * (MediaRecorder streams its Segment and Clusters), so containers are entered rather than skipped.
 */
import { AudioFormatError } from './wav.js';

/** An audio track's compressed frames, in order, with what a decoder needs to start. */
export interface CompressedAudio {
  codec: string;
  channels: number;
  /** Samples (at 48 kHz) the decoder must drop at the start. */
  preSkip: number;
  frames: Uint8Array[];
}

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  cluster: 0x1f43b675,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  audio: 0xe1,
  blockGroup: 0xa0,
  block: 0xa1,
  simpleBlock: 0xa3,
  trackNumber: 0xd7,
  trackType: 0x83,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  codecDelay: 0x56aa,
  channels: 0x9f,
} as const;

/** Elements whose children we read in place (their size may be unknown). */
const CONTAINERS = new Set<number>([ID.segment, ID.cluster, ID.tracks, ID.trackEntry, ID.audio, ID.blockGroup]);
const AUDIO_TRACK = 2;
const NANOSECONDS_PER_48K_SAMPLE = 1e9 / 48_000;

/** True when the bytes start with an EBML header (WebM or Matroska). */
export function isWebm(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && readId(bytes, 0)?.value === ID.ebml;
}

interface Vint {
  value: number;
  length: number;
  isUnknown: boolean;
}

/** An element id: its marker bit kept, 1–4 bytes. */
function readId(bytes: Uint8Array, at: number): Vint | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (length > 4 || at + length > bytes.length) return undefined;
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + bytes[at + i]!;
  return { value, length, isUnknown: false };
}

/** A data size or track number: marker bit removed, 1–8 bytes; all ones means unknown. */
function readVint(bytes: Uint8Array, at: number): Vint | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return undefined;
  let value = first & (0xff >> length);
  let isUnknown = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    isUnknown &&= bytes[at + i] === 0xff;
  }
  return { value, length, isUnknown };
}

function readUint(bytes: Uint8Array): number {
  return bytes.reduce((n, b) => n * 256 + b, 0);
}

interface Track {
  number?: number;
  type?: number;
  codec?: string;
  codecPrivate?: Uint8Array;
  codecDelayNs?: number;
  channels?: number;
}

/** Reads the first audio track of a WebM file; throws AudioFormatError when it cannot. */
export function demuxWebm(bytes: Uint8Array): CompressedAudio {
  if (!isWebm(bytes)) throw new AudioFormatError('not a WebM file');
  const tracks: Track[] = [];
  const blocks: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    const id = readId(bytes, at);
    const size = id && readVint(bytes, at + id.length);
    if (!id || !size) break; // a recording cut short ends at its last whole element
    const body = at + id.length + size.length;
    if (id.value === ID.trackEntry) tracks.push({});
    if (CONTAINERS.has(id.value)) {
      at = body;
      continue;
    }
    if (size.isUnknown) throw new AudioFormatError('the WebM file is corrupt (an element of unknown size)');
    const end = body + size.value;
    if (end > bytes.length) break;
    readLeaf(id.value, bytes.subarray(body, end), tracks.at(-1), blocks);
    at = end;
  }
  return audioOf(tracks, blocks);
}

function readLeaf(id: number, data: Uint8Array, track: Track | undefined, blocks: Uint8Array[]): void {
  if (id === ID.simpleBlock || id === ID.block) return void blocks.push(data);
  if (!track) return;
  if (id === ID.trackNumber) track.number = readUint(data);
  else if (id === ID.trackType) track.type = readUint(data);
  else if (id === ID.codecId) track.codec = String.fromCharCode(...data).replace(/\0+$/, '');
  else if (id === ID.codecPrivate) track.codecPrivate = data;
  else if (id === ID.codecDelay) track.codecDelayNs = readUint(data);
  else if (id === ID.channels) track.channels = readUint(data);
}

function audioOf(tracks: Track[], blocks: Uint8Array[]): CompressedAudio {
  const track = tracks.find((t) => t.type === AUDIO_TRACK || t.codec?.startsWith('A_'));
  if (!track?.codec || track.number === undefined) throw new AudioFormatError('the WebM file has no audio track');
  const frames = blocks.flatMap((block) => framesOf(block, track.number!));
  if (frames.length === 0) throw new AudioFormatError('the WebM file has no audio data');
  const head = track.codecPrivate ? readOpusHead(track.codecPrivate) : undefined;
  const preSkip = head?.preSkip ?? Math.round((track.codecDelayNs ?? 0) / NANOSECONDS_PER_48K_SAMPLE);
  return { codec: track.codec, channels: head?.channels ?? track.channels ?? 1, preSkip, frames };
}

/** The frames of one block of the track (other tracks' blocks give none). */
function framesOf(block: Uint8Array, trackNumber: number): Uint8Array[] {
  const track = readVint(block, 0);
  if (!track || track.value !== trackNumber) return [];
  const flagsAt = track.length + 2; // after the track number and a 16-bit relative timecode
  const lacing = (block[flagsAt]! >> 1) & 0x03;
  const payload = block.subarray(flagsAt + 1);
  if (lacing === 0) return [payload];
  if (lacing === 2) {
    // fixed-size lacing: a frame count, then equal frames
    const count = payload[0]! + 1;
    const size = (payload.length - 1) / count;
    if (!Number.isInteger(size)) throw new AudioFormatError('the WebM file is corrupt (a block with uneven frames)');
    return Array.from({ length: count }, (_, i) => payload.subarray(1 + i * size, 1 + (i + 1) * size));
  }
  throw new AudioFormatError('the WebM file uses a block lacing this reader does not handle');
}

/** The channel count and pre-skip of an Opus identification header ("OpusHead"). */
export function readOpusHead(data: Uint8Array): { channels: number; preSkip: number } | undefined {
  if (data.length < 19 || String.fromCharCode(...data.subarray(0, 8)) !== 'OpusHead') return undefined;
  return { channels: data[9]!, preSkip: data[10]! | (data[11]! << 8) };
}
