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

/**
 * A form over a record loaded from the server (a profile), whose unsaved input is a draft of the
 * record's version: when the form comes back (the session ended and the same person signed in
 * again), `adopt` fills it from the draft rather than from the record just loaded, as long as the
 * record is still at the version the input was typed against. A record changed meanwhile (in
 * another tab, by a coordinator) drops the draft: its values would silently overwrite the change.
 */
export function useRecordDraft<V>(key: string, empty: V) {
  const [draft, setDraft, forget] = useDraft<{ version: number | null; values: V } | null>(key, null);
  const [values, setValues] = useState<V>(empty);
  const [version, setVersion] = useState<number | null>(null);
  const [restored, setRestored] = useState(false);
  /** The record as loaded (null version: none yet) and the form's values for it. */
  const adopt = (loadedVersion: number | null, loaded: V) => {
    setVersion(loadedVersion);
    if (draft && draft.version === loadedVersion) {
      setValues(draft.values);
      setRestored(true);
    } else {
      setValues(loaded);
      forget();
    }
  };
  const change = (patch: Partial<V>) => {
    const next = { ...values, ...patch };
    setValues(next);
    setDraft({ version, values: next });
  };
  /** The record was saved at `savedVersion`: nothing is unsaved any more. */
  const saved = (savedVersion: number) => {
    forget();
    setVersion(savedVersion);
    setRestored(false);
  };
  return { values, change, adopt, saved, restored };
}
