import { currentLang, translate, type Key } from '../i18n/i18n';
import { en } from '../i18n/en';

// RFC 9457 problem details as the API sends them, with field errors for validation.
export interface FieldError {
  field: string;
  /** The server's words, in English. */
  message: string;
  /** The kind of error (range, one-of, required, ...) and its values, for other languages. */
  code?: string;
  params?: Record<string, string>;
}

/**
 * A field error in the user's language: the server's own English words, or in another language
 * the sentence for its kind filled with its values. An error of no kind the client knows (a rule
 * across fields, free text) says in that language that the value was refused, with the server's
 * English words beside it: nothing is left in English alone.
 */
export function localFieldMessage(e: FieldError): string {
  if (currentLang() === 'en') return e.message;
  const key = `fieldError.${e.code}` as Key;
  if (!e.code || !(key in en)) return translate('fieldError.other', { original: e.message });
  return translate(key, e.params ?? {}).replace(/\s{2,}/g, ' ');
}

/**
 * A refusal in the user's language: in English the server's detail; in another language the
 * sentence for its problem type, or failing that for its status, so that nothing is left in
 * English alone. `original` is the server's detail, shown beside it (it names records and states).
 */
export function localProblem(error: ApiError): { text: string; original?: string } {
  if (currentLang() === 'en') return { text: error.detail || error.title };
  const byType = `problem.type.${error.type}` as Key;
  const byStatus = `problem.status.${error.status}` as Key;
  const text = byType in en ? translate(byType) : byStatus in en ? translate(byStatus) : translate(error.status >= 500 ? 'problem.status.500' : 'problem.status.400');
  return { text, original: error.detail || undefined };
}

const STANDARD = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly retryAfter?: number;
  /** Members beside the standard ones that a caller acts on, e.g. `role` of an unconfirmed account. */
  readonly extensions: Record<string, string>;

  constructor(status: number, body: Partial<ProblemBody> | null, retryAfter?: number) {
    super(body?.detail ?? body?.title ?? `HTTP ${status}`);
    this.status = status;
    this.type = (body?.type ?? '').replace('https://ramsetu.org/problems/', '');
    this.title = body?.title ?? '';
    this.detail = body?.detail ?? '';
    this.errors = Array.isArray(body?.errors) ? body!.errors! : [];
    this.retryAfter = retryAfter;
    this.extensions = {};
    for (const [k, v] of Object.entries(body ?? {})) {
      if (!STANDARD.has(k) && typeof v === 'string') this.extensions[k] = v;
    }
  }

  /** The message for one field (exact path, or the first nested under it). */
  fieldMessage(field: string): string | undefined {
    const exact = this.errors.find((e) => e.field === field);
    if (exact) return localFieldMessage(exact);
    const nested = this.errors.find((e) => e.field.startsWith(field + '.') || e.field.startsWith(field + '['));
    return nested && localFieldMessage(nested);
  }
}

interface ProblemBody {
  type: string;
  title: string;
  detail: string;
  errors: FieldError[];
}

/** A failure of the network itself (server unreachable, CORS, offline). */
export class NetworkError extends Error {}
