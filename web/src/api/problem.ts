// RFC 9457 problem details as the API sends them, with field errors for validation.
export interface FieldError {
  field: string;
  message: string;
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
    if (exact) return exact.message;
    return this.errors.find((e) => e.field.startsWith(field + '.') || e.field.startsWith(field + '['))
      ?.message;
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
