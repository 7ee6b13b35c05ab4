import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A policy document parsed from JSON, with a way to find the line of a path such as `Statement[1].Action`. */
export interface PolicyDocument {
  policy: Record<string, unknown>;
  statements: Array<Record<string, unknown>>;
  lineOfPath(path: string): number | undefined;
}

export type PolicyParse = { ok: true; document: PolicyDocument } | { ok: false; message: string; line?: number };

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/** Where the YAML parser (a superset of JSON) first stumbles, when JSON.parse gives no position. */
function yamlErrorPosition(text: string): number | undefined {
  const error = parseDocument(text).errors[0];
  return error?.pos[0];
}

/** `Statement[1].Condition` → ['Statement', 1, 'Condition']. */
function splitPath(path: string): Array<string | number> {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function locator(text: string): (path: string) => number | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return (path) => {
    let node: unknown = doc.contents;
    let line: number | undefined;
    for (const step of splitPath(path)) {
      const next: unknown = isMap(node) ? node.get(step, true) : isSeq(node) && typeof step === 'number' ? node.get(step, true) : undefined;
      if (next === undefined) break;
      const range = (next as Node).range;
      if (range) line = lines.linePos(range[0]).line;
      node = next;
    }
    return line;
  };
}

/** Parses an identity policy written as JSON; a syntax error says where (line and column). */
export function parsePolicyDocument(text: string): PolicyParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    const position = /position (\d+)/.exec(message)?.[1] ?? yamlErrorPosition(text);
    if (position === undefined) return { ok: false, message: `the policy is not valid JSON: ${message}` };
    const at = lineAndColumn(text, Number(position));
    return {
      ok: false,
      message: `the policy is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')} (line ${at.line}, column ${at.column})`,
      line: at.line,
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, message: 'the policy must be a JSON object with a Statement' };
  const policy = data as Record<string, unknown>;
  const raw = policy.Statement;
  const statements = (Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : []).filter(
    (s): s is Record<string, unknown> => s !== null && typeof s === 'object' && !Array.isArray(s),
  );
  return { ok: true, document: { policy, statements, lineOfPath: locator(text) } };
}

/** The line of a statement: its index in Statement, found by content. */
export function statementLine(document: PolicyDocument, statement: unknown): number | undefined {
  const wanted = JSON.stringify(statement);
  const index = document.statements.findIndex((s) => JSON.stringify(s) === wanted);
  if (index < 0) return undefined;
  return document.lineOfPath(Array.isArray(document.policy.Statement) ? `Statement[${index}]` : 'Statement');
}

/** A statement quoted for a message: its Sid (when it has one) and its JSON on one line. */
export function quoteStatement(statement: unknown): string {
  const s = statement as Record<string, unknown>;
  const body = JSON.stringify(statement);
  const shown = body.length > 240 ? `${body.slice(0, 237)}...` : body;
  return typeof s.Sid === 'string' ? `statement "${s.Sid}" ${shown}` : `statement ${shown}`;
}
