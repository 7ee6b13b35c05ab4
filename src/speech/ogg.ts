/**
 * An Ogg demuxer for Ogg/Opus (what Firefox records): the packets of the first logical stream,
 * its Opus header read, the header packets dropped. Pure: bytes in, frames out.
 */
import { AudioFormatError } from './wav.js';
import { readOpusHead, type CompressedAudio } from './webm.js';

const PAGE_HEADER_BYTES = 27;

/** True when the bytes start with an Ogg page. */
export function isOgg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x4f && bytes[1] === 0x67 && bytes[2] === 0x67 && bytes[3] === 0x53;
}

/** Reads an Ogg/Opus file; throws AudioFormatError when it cannot. */
export function demuxOgg(bytes: Uint8Array): CompressedAudio {
  if (!isOgg(bytes)) throw new AudioFormatError('not an Ogg file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const packets: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let serial: number | undefined;
  let at = 0;
  while (at + PAGE_HEADER_BYTES <= bytes.length && isOgg(bytes.subarray(at))) {
    const segments = bytes[at + 26]!;
    const table = bytes.subarray(at + PAGE_HEADER_BYTES, at + PAGE_HEADER_BYTES + segments);
    let body = at + PAGE_HEADER_BYTES + segments;
    const pageEnd = body + table.reduce((n, s) => n + s, 0);
    if (pageEnd > bytes.length) break; // a recording cut short ends at its last whole page
    const pageSerial = view.getUint32(at + 14, true);
    serial ??= pageSerial;
    for (const size of pageSerial === serial ? table : []) {
      pending.push(bytes.subarray(body, body + size));
      body += size;
      if (size < 255) {
        packets.push(concat(pending));
        pending = [];
      }
    }
    at = pageEnd;
  }
  const head = packets[0] && readOpusHead(packets[0]);
  if (!head) throw new AudioFormatError('the Ogg file holds no Opus audio');
  const frames = packets.slice(2); // OpusHead, OpusTags, then audio
  if (frames.length === 0) throw new AudioFormatError('the Ogg file has no audio data');
  return { codec: 'A_OPUS', channels: head.channels, preSkip: head.preSkip, frames };
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
