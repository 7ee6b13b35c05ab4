import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listYamlFiles } from './bank-location.js';
import type { BankQuestion } from './question.schema.js';

/**
 * A validated copy of the bank as one JSON file, so start-up skips parsing YAML and loading the
 * YAML parser and schema library (most of createCoach's time). It is keyed by the folder and a
 * fingerprint of every file's path, size and mtime: any edit makes it stale and the bank is
 * parsed and validated again.
 */
const CACHE_FILE = fileURLToPath(new URL('../../lexicons/bank-cache.json', import.meta.url).href.replace('/dist/lexicons/', '/lexicons/'));

interface CacheEntry {
  dir: string;
  fingerprint: string;
  questions: BankQuestion[];
}

/** A fingerprint of the bank folder's files (path, size, mtime); null if the folder is absent. */
export function bankFingerprint(dir: string): string | null {
  try {
    const hash = createHash('sha1');
    for (const path of listYamlFiles(dir)) {
      const stat = statSync(path);
      hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/** The cached bank for this folder if it is still fresh. */
export function readBankCache(dir: string, fingerprint: string): BankQuestion[] | null {
  try {
    const entry = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as CacheEntry;
    return entry.dir === resolve(dir) && entry.fingerprint === fingerprint ? entry.questions : null;
  } catch {
    return null;
  }
}

/** Saves the validated bank; a read-only install simply keeps parsing at start-up. */
export function writeBankCache(dir: string, fingerprint: string, questions: BankQuestion[]): void {
  try {
    mkdirSync(dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify({ dir: resolve(dir), fingerprint, questions } satisfies CacheEntry));
  } catch {
    // not writable: nothing lost but speed
  }
}
