/** The answer box both practice screens share: a labelled textarea, Ctrl+Enter submits. */
export function AnswerForm(props: {
  id: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  hint: string;
  disabled?: boolean;
}) {
  const hintId = `${props.id}-hint`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <label htmlFor={props.id}>Your answer</label>
      <textarea
        id={props.id}
        rows={props.rows}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            props.onSubmit();
          }
        }}
        aria-describedby={hintId}
      />
      <p id={hintId} className="hint">
        {props.hint}
      </p>
      <button type="submit" className="primary" disabled={!props.value.trim() || props.disabled}>
        Submit answer
      </button>
    </form>
  );
}
