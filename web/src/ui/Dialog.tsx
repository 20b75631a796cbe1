import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';

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
    <dialog ref={ref} aria-labelledby="dialog-title" onClose={onClose} onCancel={onClose}>
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
