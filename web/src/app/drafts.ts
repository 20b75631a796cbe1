import { useState } from 'react';
import { onSessionChange } from '../api/client';
import { useSession } from './session';

// Unsaved form input, kept in this tab's memory only (never in browser storage: it is health
// data). It outlives the form itself, so input typed before a session ended is there again once
// the same person signs in again; another person signing in on the same tab does not see it, and
// signing out forgets every draft.
const drafts = new Map<string, unknown>();

onSessionChange((tokens, reason) => {
  if (!tokens && reason === 'signed-out') drafts.clear();
});

/**
 * A form's state that survives the form being taken off the screen by a session that ended, for
 * the person who typed it. `forget` after the form is sent.
 */
export function useDraft<T>(key: string, initial: T): [T, (next: T | ((old: T) => T)) => void, () => void] {
  const owner = useSession().user?.id ?? 'anonymous';
  const slot = `${owner}:${key}`;
  const [value, setValue] = useState<T>(() => (drafts.has(slot) ? (drafts.get(slot) as T) : initial));
  // A value, or an update of the latest one (as React's own setter takes).
  const set = (next: T | ((old: T) => T)) =>
    setValue((old) => {
      const value = typeof next === 'function' ? (next as (old: T) => T)(old) : next;
      drafts.set(slot, value);
      return value;
    });
  const forget = () => drafts.delete(slot);
  return [value, set, forget];
}
