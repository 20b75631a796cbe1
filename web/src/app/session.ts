import { useSyncExternalStore } from 'react';
import { acceptTokens, dropSession, http, ok, onSessionChange, refreshSession, sessionCall } from '../api/client';
import type { AuthTokens, Role, SecondFactorNeeded, UserView } from '../api/types';

// Who is signed in. Restored on page load from the HttpOnly refresh cookie; "expired" when a
// session this tab had could not be renewed (the UI then asks to sign in again).
export interface SessionState {
  status: 'restoring' | 'anonymous' | 'signed-in';
  user: UserView | null;
  expired: boolean;
}

const HAD_SESSION = 'ramsetu.hadSession'; // a flag only, never a token
let state: SessionState = { status: 'restoring', user: null, expired: false };
const subscribers = new Set<() => void>();

function set(next: SessionState) {
  state = next;
  subscribers.forEach((s) => s());
}

onSessionChange((tokens, reason) => {
  if (tokens) {
    sessionStorage.setItem(HAD_SESSION, '1');
    set({ status: 'signed-in', user: tokens.user, expired: false });
  } else {
    sessionStorage.removeItem(HAD_SESSION);
    set({ status: 'anonymous', user: null, expired: reason === 'expired' });
  }
});

export function useSession(): SessionState {
  return useSyncExternalStore(
    (cb) => {
      subscribers.add(cb);
      return () => subscribers.delete(cb);
    },
    () => state,
  );
}

export async function restoreSession() {
  const had = sessionStorage.getItem(HAD_SESSION) === '1';
  const tokens = await refreshSession();
  if (!tokens) {
    sessionStorage.removeItem(HAD_SESSION);
    set({ status: 'anonymous', user: null, expired: had });
  }
}

/** Signs in, or for a coordinator answers the second step to show ({@link completeSecondFactor}). */
export async function logIn(email: string, password: string, role?: string): Promise<UserView | SecondFactorNeeded> {
  const answer = await ok(http().POST('/api/v1/auth/login', { ...sessionCall, body: { email, password, role: role || null } }));
  if ('challenge' in answer) return answer;
  acceptTokens(answer, 'signed-in');
  return answer.user;
}

/**
 * The code of a coordinator's authenticator (or a recovery code). The tokens are answered, not yet
 * taken: a first sign-in shows its recovery codes before the session starts ({@link startSession}).
 */
export async function completeSecondFactor(challenge: string, code: string) {
  return ok(http().POST('/api/v1/auth/second-factor', { ...sessionCall, body: { challenge, code } }));
}

export function startSession(tokens: AuthTokens) {
  acceptTokens(tokens, 'signed-in');
  return tokens.user;
}

export async function verifyCode(email: string, role: string, code: string) {
  const tokens = await ok(http().POST('/api/v1/auth/verify', { ...sessionCall, body: { email, role, code } }));
  acceptTokens(tokens, 'signed-in');
  return tokens.user;
}

export async function logOut() {
  try {
    await ok(http().POST('/api/v1/auth/logout', sessionCall));
  } finally {
    dropSession('signed-out');
  }
}

export function homeOf(role: Role): string {
  return role === 'DONOR' ? '/donor' : role === 'PATIENT' ? '/patient' : '/coordinator';
}
