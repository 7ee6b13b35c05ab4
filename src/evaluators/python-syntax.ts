import { createRequire } from 'node:module';
import type { Node as SyntaxNode, Parser as TreeSitterParser } from 'web-tree-sitter';

/** What the static check of a handler needs: the first syntax error and the top-level functions. */
export interface PythonOutline {
  syntaxError?: { message: string; line: number };
  functions: Map<string, { params: string[]; line: number }>;
}

let parser: Promise<TreeSitterParser> | undefined;

/** web-tree-sitter with the Python grammar, loaded once on first use (about 60 ms). */
function pythonParser(): Promise<TreeSitterParser> {
  parser ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const require = createRequire(import.meta.url);
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const instance = new Parser();
    instance.setLanguage(language);
    return instance;
  })();
  return parser;
}

function firstError(node: SyntaxNode): SyntaxNode | undefined {
  if (node.isError || node.isMissing) return node;
  if (!node.hasError) return undefined;
  for (const child of node.children) {
    const found = child ? firstError(child) : undefined;
    if (found) return found;
  }
  return undefined;
}

function describeError(node: SyntaxNode): string {
  if (node.isMissing) return `syntax error: missing ${node.type}`;
  const text = node.text.split('\n')[0]!.slice(0, 40);
  return `syntax error near "${text}"`;
}

function parameterNames(parameters: SyntaxNode | null): string[] {
  if (!parameters) return [];
  return parameters.namedChildren
    .filter((p): p is SyntaxNode => p !== null)
    .map((p) => (p.type === 'identifier' ? p.text : (p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text ?? p.text)));
}

/** Parses Python source with tree-sitter: the first syntax error (with its line) and the module's functions. */
export async function outlinePython(source: string): Promise<PythonOutline> {
  const tree = (await pythonParser()).parse(source);
  if (!tree) return { syntaxError: { message: 'the code could not be parsed', line: 1 }, functions: new Map() };
  const functions: PythonOutline['functions'] = new Map();
  for (const child of tree.rootNode.namedChildren) {
    const definition = child?.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    if (definition?.type !== 'function_definition') continue;
    const name = definition.childForFieldName('name')?.text;
    if (name) functions.set(name, { params: parameterNames(definition.childForFieldName('parameters')), line: definition.startPosition.row + 1 });
  }
  const error = firstError(tree.rootNode);
  tree.delete();
  return error ? { syntaxError: { message: describeError(error), line: error.startPosition.row + 1 }, functions } : { functions };
}
