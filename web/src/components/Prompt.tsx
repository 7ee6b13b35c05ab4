import type { ReactNode } from 'react';
import { promptBlocks } from '../prompt';

/**
 * A question's prompt: its first paragraph as the heading, then the rest as text and code
 * blocks (monospace, scrolling sideways rather than widening the page).
 */
export function Prompt({ text, heading }: { text: string; heading: (first: string) => ReactNode }) {
  const [first, ...rest] = promptBlocks(text);
  if (!first) return null;
  return (
    <>
      {first.kind === 'text' ? heading(first.text) : heading('')}
      {[...(first.kind === 'code' ? [first] : []), ...rest].map((b, i) =>
        b.kind === 'code' ? (
          <pre key={i} className="prompt-code" tabIndex={0} aria-label="Code in the question">
            <code>{b.text}</code>
          </pre>
        ) : (
          <p key={i} className="prompt-text">
            {b.text}
          </p>
        ),
      )}
    </>
  );
}
