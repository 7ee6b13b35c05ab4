/**
 * Prompts may carry code (a CloudFormation template, an IAM policy) after their question. A
 * paragraph is code when a line of it is indented or it opens like JSON or a YAML mapping;
 * prose paragraphs are hard-wrapped in the YAML, so their lines are joined again.
 */
export interface PromptBlock {
  kind: 'text' | 'code';
  text: string;
}

const CODE_OPENING = /^(?:[{[]|[\w-]+:\s*$|[\w-]+:\s+\S.*$)/;

function isCode(lines: string[], isFirst: boolean): boolean {
  if (lines.some((l) => /^\s/.test(l))) return true;
  return !isFirst && CODE_OPENING.test(lines[0]!.trim()) && !/[.?!]$/.test(lines.at(-1)!.trim());
}

/** The prompt as prose paragraphs and code blocks, in order; neighbouring code paragraphs are one block. */
export function promptBlocks(prompt: string): PromptBlock[] {
  const blocks: PromptBlock[] = [];
  for (const paragraph of prompt.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const lines = paragraph.split('\n').filter((l) => l.trim());
    if (lines.length === 0) continue;
    const kind = isCode(lines, blocks.length === 0) ? 'code' : 'text';
    const text = kind === 'code' ? lines.join('\n') : lines.map((l) => l.trim()).join(' ');
    const previous = blocks.at(-1);
    if (kind === 'code' && previous?.kind === 'code') previous.text += `\n\n${text}`;
    else blocks.push({ kind, text });
  }
  return blocks;
}

/** Longer first paragraphs are cut to their first sentence in a title. */
const TITLE_MAX = 160;

/** A short title for a list: the first paragraph (its first sentence when long), with "…" when there is more. */
export function promptTitle(prompt: string): string {
  const first = promptBlocks(prompt).find((b) => b.kind === 'text')?.text ?? prompt.split('\n')[0]!.trim();
  const title = first.length <= TITLE_MAX ? first : (first.match(/^.+?[.?!](?=\s+[A-Z"(]|$)/)?.[0] ?? first);
  return title.length < prompt.replace(/\s+/g, ' ').trim().length ? `${title} …` : title;
}
