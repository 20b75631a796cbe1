import createClient, { type Client } from 'openapi-fetch';
import { runtimeConfig } from './config';
import { ApiError, NetworkError } from './problem';
import type { paths } from './schema';
import type { AuthTokens } from './types';

// The access token lives only in this module's memory: never in the URL, localStorage or a cookie
// readable by scripts. The refresh token is an HttpOnly cookie the server sets when asked with
// X-RamSetu-Session: cookie (docs/SECURITY.md "Web sessions").
let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<AuthTokens | null> | null = null;
const listeners = new Set<(tokens: AuthTokens | null, reason: SessionChange) => void>();

export type SessionChange = 'signed-in' | 'refreshed' | 'signed-out' | 'expired';

export function onSessionChange(listener: (t: AuthTokens | null, r: SessionChange) => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(tokens: AuthTokens | null, reason: SessionChange) {
  listeners.forEach((l) => l(tokens, reason));
}

const SESSION_HEADER = { 'X-RamSetu-Session': 'cookie' };

export function url(path: string): string {
  return runtimeConfig().apiBaseUrl + path;
}

/** Accepts tokens from verify/login/refresh and schedules the next refresh before expiry. */
export function acceptTokens(tokens: AuthTokens, reason: SessionChange) {
  accessToken = tokens.accessToken;
  clearTimeout(refreshTimer);
  const ms = Math.max(10_000, (tokens.expiresIn - 60) * 1000);
  refreshTimer = setTimeout(() => void refreshSession(), ms);
  emit(tokens, reason);
}

export function dropSession(reason: SessionChange) {
  accessToken = null;
  clearTimeout(refreshTimer);
  emit(null, reason);
}

/** Asks for a new access token with the refresh cookie; one call at a time. */
export function refreshSession(): Promise<AuthTokens | null> {
  if (!refreshing) {
    const call = async (): Promise<AuthTokens | null> => {
      try {
        const res = await fetch(url('/api/v1/auth/refresh'), {
          method: 'POST',
          credentials: 'include',
          headers: SESSION_HEADER,
        });
        if (!res.ok) return null;
        const tokens = (await res.json()) as AuthTokens;
        acceptTokens(tokens, 'refreshed');
        return tokens;
      } catch {
        return null;
      }
    };
    // Single-flight across tabs too: two tabs refreshing with the same cookie at once would look
    // like a stolen token and sign the person out (refresh-token reuse revokes the login). The
    // cookie is read when the request is sent, so a tab that waited uses the rotated one.
    const locks = (navigator as Navigator & { locks?: { request: (name: string, cb: () => Promise<unknown>) => Promise<unknown> } }).locks;
    const run = locks ? () => locks.request('ramsetu-refresh', call) as Promise<AuthTokens | null> : call;
    refreshing = run().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  Object.entries(query).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  });
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** An error answer as thrown to the pages: its status, its problem (when it sent one), Retry-After. */
function apiError(res: Response, body: unknown): ApiError {
  const problem = typeof body === 'object' && body !== null ? (body as ConstructorParameters<typeof ApiError>[1]) : null;
  const retry = res.headers.get('Retry-After');
  return new ApiError(res.status, problem, retry ? Number(retry) : undefined);
}

async function failure(res: Response): Promise<ApiError> {
  let body = null;
  try {
    body = await res.json();
  } catch {
    // not JSON
  }
  return apiError(res, body);
}

// Every call of the pages goes through `http()`: its paths, parameters, bodies and answers are
// typed from docs/openapi.json (openapi-fetch over the types openapi-typescript generates), so a
// page cannot call a route the API does not have or read a field it does not send.

/** The init of an account call (sign-up, sign-in...): the refresh cookie, no bearer token. */
export const sessionCall = { headers: SESSION_HEADER, credentials: 'include' as const };

async function sendRequest(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new NetworkError((e as Error).message);
  }
}

/** Adds the bearer token; on 401 refreshes once and sends again, else ends the session. */
async function sessionFetch(request: Request): Promise<Response> {
  if (request.headers.get('X-RamSetu-Session') === 'cookie') return sendRequest(request);
  const again = request.clone();
  if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
  const res = await sendRequest(request);
  if (res.status !== 401 || !accessToken) return res;
  const renewed = await refreshSession();
  if (!renewed) {
    dropSession('expired');
    return res;
  }
  again.headers.set('Authorization', `Bearer ${renewed.accessToken}`);
  const retried = await sendRequest(again);
  if (retried.status === 401) dropSession('expired');
  return retried;
}

// A read refused for a moment is asked again once the wait is over, so the page comes a second
// later instead of as an error: the API's per-user limit (429 with a short Retry-After: a
// coordinator paging quickly through a long list), or the database switching over to its standby
// (503 `database-unavailable` with a short Retry-After). Other 503s (a busy pool, a query past its
// time limit) mean load, which asking again would add to. Reads only: a write is never sent twice
// from here, and a longer wait, or a refusal still there after three retries, is shown to the
// person as before.
const READ_RETRY_MAX_WAIT_SECONDS = 5;
const READ_RETRIES = 3;

async function fetchWaitingOutMomentaryRefusals(request: Request): Promise<Response> {
  const reading = request.method === 'GET' || request.method === 'HEAD';
  for (let retries = 0; ; retries++) {
    const res = await sessionFetch(reading ? request.clone() : request);
    const wait = Number(res.headers.get('Retry-After') ?? Number.NaN);
    if (
      !reading ||
      retries === READ_RETRIES ||
      !(wait <= READ_RETRY_MAX_WAIT_SECONDS) ||
      !(res.status === 429 || (res.status === 503 && (await isSwitchover(res))))
    ) {
      return res;
    }
    await pause(Math.max(wait, 0.2) * 1000, request.signal);
  }
}

/** Whether a 503 says the database is switching over (its problem type), read from a copy. */
async function isSwitchover(res: Response): Promise<boolean> {
  const problem: unknown = await res
    .clone()
    .json()
    .catch(() => null);
  const type = (problem as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.endsWith('/database-unavailable');
}

/** Waits, or stops waiting as an aborted fetch does when the page no longer wants the answer. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => new DOMException('The page left before the answer came', 'AbortError');
    if (signal.aborted) {
      reject(aborted());
      return;
    }
    const stop = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** Leaves out what is not set, as a filter left empty means no filter. */
function serializeQuery(query: Record<string, unknown>): string {
  return withQuery('', query as Query).replace(/^\?/, '');
}

let client: Client<paths> | undefined;
let clientBase: string | undefined;

/** The API client; made again if the runtime configuration names another API base. */
export function http(): Client<paths> {
  const base = runtimeConfig().apiBaseUrl;
  if (!client || clientBase !== base) {
    client = createClient<paths>({ baseUrl: base, fetch: fetchWaitingOutMomentaryRefusals, querySerializer: serializeQuery });
    clientBase = base;
  }
  return client;
}

/**
 * A form's input as entered, for the API to check: an empty required field goes as null and comes
 * back as a field error together with every other one (docs/web.md), so until the answer the body
 * may not be what the schema requires. Only forms use it; every other body is typed as sent.
 */
export function asEntered<Body>(body: unknown): Body {
  return body as Body;
}

/** The body of a successful answer; an error answer is thrown as an {@link ApiError}. */
export async function ok<R extends { data?: unknown; error?: unknown; response: Response }>(
  call: Promise<R>,
): Promise<Exclude<R['data'], undefined>> {
  const { data, error, response } = await call;
  if (!response.ok) throw apiError(response, error);
  return data as Exclude<R['data'], undefined>;
}

/** Uploads with progress (fetch cannot report upload progress; XHR can); on 401 refreshes once. */
export async function upload<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  try {
    return await uploadOnce<T>(path, form, onProgress);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401 || !accessToken) throw e;
    if (!(await refreshSession())) {
      dropSession('expired');
      throw e;
    }
    onProgress(0);
    return uploadOnce<T>(path, form, onProgress);
  }
}

function uploadOnce<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url(path));
    if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new NetworkError('upload failed'));
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.send(form);
  });
}

/** Downloads a protected file (CSV export, document) without putting a token in a URL. */
/** A large export the server runs as a background job instead of answering it at once (202). */
export interface QueuedExport {
  id: string;
  statusUrl: string;
}

/**
 * Saves the answer as a file; a large export answered 202 is not a file but a queued job, returned
 * so that the caller can say where to follow it.
 */
export async function download(path: string, query?: Query): Promise<QueuedExport | undefined> {
  const res = await sessionFetch(new Request(url(withQuery(path, query)), { headers: { Accept: '*/*' } }));
  if (!res.ok) throw await failure(res);
  if (res.status === 202) return (await res.json()) as QueuedExport;
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : 'download';
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
  return undefined;
}

