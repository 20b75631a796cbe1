import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n';

/** How long the server lets a coordinator undo their own review decision (UndoWindow). */
const UNDO_WINDOW_MS = 10 * 60 * 1000;

/**
 * What an action just did, announced to screen readers, and, for a decision that can be taken back,
 * its **Undo** for as long as the server allows it. Give it a new `key` for each action, so a new
 * decision offers its own undo afresh.
 */
export function DoneNotice({ message, onUndo }: { message: string; onUndo?: () => void }) {
  const t = useT();
  const [undoable, setUndoable] = useState(onUndo !== undefined);
  useEffect(() => {
    const timer = setTimeout(() => setUndoable(false), UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p className="alert success" role="status">
      {message}{' '}
      {undoable && onUndo && (
        <button type="button" onClick={onUndo}>
          {t('common.undo')}
        </button>
      )}
    </p>
  );
}
