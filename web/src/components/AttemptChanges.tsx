import type { AttemptChanges } from '../api';
import { FINDING_LABELS, labelOf } from '../labels';

/** One kind of change between two answers, one item a line; nothing when empty. */
function ChangeList({ title, items, tone }: { title: string; items: string[]; tone: 'gain' | 'loss' }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className={`changes ${tone}`}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** What an answer gained and lost against an earlier one: points covered and habits, both ways. */
export function ChangesBetween({ changes }: { changes: AttemptChanges }) {
  const habit = (code: string) => labelOf(FINDING_LABELS, code);
  const isSame = changes.improved.length + changes.lost.length + changes.habitsDropped.length + changes.habitsAdded.length === 0;
  return (
    <div className="changes-between">
      <ChangeList title="Now covers" items={changes.improved} tone="gain" />
      <ChangeList title="No longer covers" items={changes.lost} tone="loss" />
      <ChangeList title="Habits gone" items={changes.habitsDropped.map(habit)} tone="gain" />
      <ChangeList title="New habits" items={changes.habitsAdded.map(habit)} tone="loss" />
      {isSame && <p>Same points and habits as before.</p>}
    </div>
  );
}
