// CodeMirror 6, loaded only when an exercise is opened (the screen imports this file lazily).
import { json } from '@codemirror/lang-json';
import { python } from '@codemirror/lang-python';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';

export type EditorLanguage = 'json' | 'yaml' | 'python';

export interface CodeEditorProps {
  /** The text the editor opens with; later changes of this prop replace the text. */
  value: string;
  onChange: (text: string) => void;
  language: EditorLanguage;
  /** Lines (1-based) to mark as failing, with the message shown on hover. */
  marks: Array<{ line: number; message: string }>;
  label: string;
}

const LANGUAGES = { json, yaml, python };

function diagnosticsFor(view: EditorView, marks: CodeEditorProps['marks']): Diagnostic[] {
  const doc = view.state.doc;
  return marks
    .filter((m) => m.line >= 1 && m.line <= doc.lines)
    .map((m) => {
      const line = doc.line(m.line);
      return { from: line.from, to: line.to, severity: 'error', message: m.message };
    });
}

/** What the page's stylesheet cannot reach inside the editor's shadow root. */
const LAYOUT = EditorView.theme({ '&': { maxHeight: '32rem' }, '.cm-scroller': { overflow: 'auto' } });

/**
 * The editor lives in a shadow root: CodeMirror then styles it with a constructed stylesheet,
 * which the page's Content-Security-Policy (style-src 'self', no inline styles) allows; in the
 * document itself it would add a <style> element, which the policy blocks, leaving the editor unstyled.
 */
function shadowOf(host: HTMLElement): ShadowRoot {
  return host.shadowRoot ?? host.attachShadow({ mode: 'open' });
}

/** A code editor with syntax highlighting and the failing lines of the last check marked. */
export default function CodeEditor({ value, onChange, language, marks, label }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  useLayoutEffect(() => {
    changed.current = onChange;
  });

  useEffect(() => {
    const root = shadowOf(host.current!);
    const editor = new EditorView({
      doc: value,
      root,
      parent: root,
      extensions: [
        LAYOUT,
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        LANGUAGES[language](),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) changed.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once per exercise (the parent keys it); later text comes from typing,
    // and a new `value` is applied by the effect below rather than by building a new editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; see above
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch(setDiagnostics(editor.state, diagnosticsFor(editor, marks)));
  }, [marks]);

  return <div className="code-editor" ref={host} />;
}
