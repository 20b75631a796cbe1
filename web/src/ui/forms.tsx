import { forwardRef, useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError, localFieldMessage, localProblem, NetworkError } from '../api/problem';
import { currentLang, useT } from '../i18n/i18n';

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  unit?: string;
}

function describedBy(id: string, error?: string, hint?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Messages({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </>
  );
}

export const TextField = forwardRef<HTMLInputElement, FieldProps & InputHTMLAttributes<HTMLInputElement>>(function TextField(
  { label, error, hint, unit, ...input },
  ref,
) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <span className="with-unit">
        <input
          id={id}
          ref={ref}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          {...input}
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
});

/** The e-mail address an account is known by (the API's `email`). */
export function EmailField({
  value,
  onChange,
  error,
  ...input
}: { value: string; onChange: (email: string) => void; error: unknown } & Pick<InputHTMLAttributes<HTMLInputElement>, 'name' | 'autoComplete'>) {
  const t = useT();
  return <TextField label={t('auth.email')} {...input} type="email" value={value} onChange={(e) => onChange(e.target.value)} error={fieldError(error, 'email')} required />;
}

/**
 * A password being chosen (at sign-up, at a reset), with the rules it must meet as its hint. `field` is its name in the API,
 * which its errors are found by; `name` is the form field's name for password managers, left out where the page has none.
 */
export function NewPasswordField({
  label,
  field,
  value,
  onChange,
  error,
  name,
}: {
  label: string;
  field: string;
  value: string;
  onChange: (password: string) => void;
  error: unknown;
  name?: string;
}) {
  const t = useT();
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={fieldError(error, field)}
      hint={t('signup.passwordHint')}
      required
    />
  );
}

export function SelectField({
  label,
  error,
  hint,
  options,
  placeholder,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

export function TextArea({ label, error, hint, ...area }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...area} />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

export function CheckField({ label, error, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={`field check${error ? ' invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

export function RadioGroup({
  legend,
  name,
  value,
  options,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  value: string;
  options: { value: string; label: string; hint?: string }[];
  onChange: (v: string) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset className={`field radios${error ? ' invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="radio">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>
            {o.label}
            {o.hint && <small className="hint"> {o.hint}</small>}
          </span>
        </label>
      ))}
      <Messages id={id} error={error} />
    </fieldset>
  );
}

/** A refusal's detail in the user's language, with the server's English words beside it. */
function ProblemText({ error }: { error: ApiError }) {
  const { text, original } = localProblem(error);
  return (
    <>
      {text && <p>{text}</p>}
      {original && original !== text && (
        <p className="small" lang="en">
          {original}
        </p>
      )}
    </>
  );
}

/** The refusal of a form: the API's detail, and field errors that no field on screen shows. */
export function ProblemAlert({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  const t = useT();
  if (!error) return null;
  if (error instanceof ApiError) {
    const others = error.errors.filter((e) => !shownFields.some((f) => e.field === f || e.field.startsWith(f + '.')));
    return (
      <div className="alert error" role="alert">
        <strong>{error.errors.length ? t('problem.fixFields') : (currentLang() === 'en' && error.title) || t('problem.failed')}</strong>
        {!error.errors.length && <ProblemText error={error} />}
        {others.length > 0 && (
          <ul>
            {others.map((e) => (
              <li key={e.field}>
                <code>{e.field}</code>: {localFieldMessage(e)}
              </li>
            ))}
          </ul>
        )}
        {error.status === 429 && <p>{t('problem.tooMany', { seconds: error.retryAfter ?? 60 })}</p>}
      </div>
    );
  }
  if (error instanceof NetworkError) {
    return (
      <div className="alert error" role="alert">
        {t('problem.network')}
      </div>
    );
  }
  return (
    <div className="alert error" role="alert">
      {(error as Error).message || t('problem.failed')}
    </div>
  );
}

/** The message the API gave for one field, for inline display. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** A dialog form's buttons: send (busy while the request runs) and cancel. */
export function SubmitOrCancel({ busy, children, onCancel }: { busy: boolean; children: ReactNode; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="actions">
      <Submit busy={busy}>{children}</Submit>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

export function Submit({ busy, children }: { busy: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
      {busy ? t('common.working') : children}
    </button>
  );
}

/**
 * The busy and error state of a form that sends one request: `submit(action)` is the form's
 * onSubmit; while the action runs the form is busy, and a refusal is kept for the fields and the
 * alert. `run(action)` does the same for a button outside a form. `clear()` forgets the refusal
 * (when a dialog closes); `fail(error)` shows one that came from elsewhere.
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const submit = (action: () => Promise<void>) => async (e: FormEvent) => {
    e.preventDefault();
    await run(action);
  };
  return { busy, error, submit, run, clear: () => setError(undefined), fail: (err: unknown) => setError(err) };
}
