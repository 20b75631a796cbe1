import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { ProblemAlert } from './forms';

/** A modal dialog on the native <dialog>: focus stays inside, Escape closes, focus returns. */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useT();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="dialog-title"
      // The native close event is queued: when it arrives after the dialog was opened again (a key
      // pressed right after Cancel), it is the earlier closing's and must not close the new one.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
      onCancel={onClose}
    >
      <div className="dialog-head">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" className="link" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </div>
      {open && children}
    </dialog>
  );
}

/**
 * Asks before an action that changes a record: says what it acts on, and acts only on its own
 * button (never on a key or a first click alone). A `danger` action (a rejection) shows its button
 * in red; `shownFields` are the fields the children show their own errors beside.
 */
export function ConfirmDialog({
  title,
  open,
  onClose,
  onConfirm,
  confirmLabel,
  tone = 'primary',
  error,
  shownFields,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  error: unknown;
  shownFields?: string[];
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        {children}
        <ProblemAlert error={error} shownFields={shownFields} />
        <div className="actions">
          <button type="submit" className={tone}>
            {confirmLabel}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
