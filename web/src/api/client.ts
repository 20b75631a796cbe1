import { runtimeConfig } from './config';
import { ApiError, NetworkError } from './problem';
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

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Account endpoints: cookie mode, credentials, no bearer token. */
  auth?: boolean;
}

function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  Object.entries(query).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  });
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.auth) Object.assign(headers, SESSION_HEADER);
  else if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(url(withQuery(path, options.query)), {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      credentials: options.auth ? 'include' : 'same-origin',
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new NetworkError((e as Error).message);
  }
}

async function failure(res: Response): Promise<ApiError> {
  let body = null;
  try {
    body = await res.json();
  } catch {
    // not JSON
  }
  const retry = res.headers.get('Retry-After');
  return new ApiError(res.status, body, retry ? Number(retry) : undefined);
}

/** Calls the API; on 401 refreshes once and retries, else reports the session as expired. */
export async function raw(path: string, options: RequestOptions = {}): Promise<Response> {
  let res = await send(path, options);
  if (res.status === 401 && !options.auth && accessToken) {
    const renewed = await refreshSession();
    if (renewed) res = await send(path, options);
    if (!renewed || res.status === 401) {
      dropSession('expired');
      throw await failure(res);
    }
  }
  if (!res.ok) throw await failure(res);
  return res;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await raw(path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
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
export async function download(path: string, query?: RequestOptions['query']): Promise<QueuedExport | undefined> {
  const res = await raw(path, { query, headers: { Accept: '*/*' } });
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

export const authHeaders = SESSION_HEADER;
