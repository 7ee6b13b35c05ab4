import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the bank ships: content/questions beside src/ (and beside dist/src/ once built). */
export function defaultQuestionDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const candidates = [join(here, '..', '..', 'content', 'questions'), join(here, '..', '..', '..', 'content', 'questions')];
  return candidates.find((dir) => isDirectory(dir)) ?? candidates[0]!;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every .yaml/.yml file below `dir`, sorted, so loading order never depends on the file system. */
export function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYamlFiles(path));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}
