import { useRef, useState, type FormEvent } from 'react';
import { download, http, ok, upload } from '../api/client';
import type { DocumentView } from '../api/types';
import { formatDate, formatNumber, useEnumLabel, useT } from '../i18n/i18n';
import { ProblemAlert, SelectField } from './forms';
import { ListTable } from './ListTable';
import { Badge, Loaded, useAsync } from './status';

const TYPES = ['ID_PROOF', 'CONSENT_FORM', 'MEDICAL_REPORT', 'IMAGING', 'OTHER'];

/** Upload (with progress) and list of one's own documents, linked to a pledge or a request. */
export function Documents({ links, linkField }: { links: { id: string; label: string }[]; linkField: 'pledgeId' | 'requestId' }) {
  const t = useT();
  const label = useEnumLabel();
  const docs = useAsync((signal) => ok(http().GET('/api/v1/documents', { signal, params: { query: { limit: 100 } } })), []);
  const [type, setType] = useState('MEDICAL_REPORT');
  const [link, setLink] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');
  const file = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone('');
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setError(new Error(t('docs.chooseFile')));
      return;
    }
    const form = new FormData();
    form.append('file', chosen);
    form.append('type', type);
    if (link) form.append(linkField, link);
    setProgress(0);
    try {
      const stored = await upload<DocumentView>('/api/v1/documents', form, setProgress);
      setDone(t('docs.uploaded', { name: stored.originalFileName }));
      if (file.current) file.current.value = '';
      docs.reload();
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="docs-title">
      <h1 id="docs-title">{t('docs.title')}</h1>
      <form onSubmit={submit} className="panel" noValidate>
        <h2>{t('docs.upload')}</h2>
        <div className="grid">
          <SelectField label={t('docs.type')} value={type} onChange={(e) => setType(e.target.value)} options={TYPES.map((v) => ({ value: v, label: label('docType', v) }))} />
          <SelectField label={t('docs.link')} value={link} onChange={(e) => setLink(e.target.value)} placeholder={t('docs.noLink')} options={links.map((l) => ({ value: l.id, label: l.label }))} />
        </div>
        <div className="field">
          <label htmlFor="doc-file">{t('docs.file')}</label>
          <input id="doc-file" ref={file} type="file" accept="application/pdf,image/jpeg,image/png" aria-describedby="doc-file-hint" />
          <span id="doc-file-hint" className="hint">
            {t('docs.fileHint')}
          </span>
        </div>
        {progress !== null && (
          <div className="progress">
            <progress max={1} value={progress} aria-label={t('docs.progress')} /> {Math.round(progress * 100)} %
          </div>
        )}
        <ProblemAlert error={error} />
        {done && (
          <p className="alert success" role="status">
            {done}
          </p>
        )}
        <button type="submit" className="primary" disabled={progress !== null}>
          {t('docs.uploadButton')}
        </button>
      </form>
      <h2>{t('docs.mine')}</h2>
      <Loaded state={docs}>
        {(page) => (
          <ListTable
            items={page.items}
            empty={t('docs.none')}
            caption={t('docs.mine')}
            columns={[t('docs.file'), t('docs.type'), t('docs.size'), t('common.status'), t('common.date'), <span className="sr-only">{t('common.actions')}</span>]}
            row={(d) => (
              <tr key={d.id}>
                <td>{d.originalFileName}</td>
                <td>{label('docType', d.type)}</td>
                <td>{formatNumber(d.sizeBytes / 1024, 1)} KB</td>
                <td>
                  <Badge value={d.status} label={label('docStatus', d.status)} />
                  {d.reviewNote && <div className="muted">{d.reviewNote}</div>}
                </td>
                <td>{formatDate(d.createdAt)}</td>
                <td>
                  <button type="button" className="link" onClick={() => void download(`/api/v1/documents/${d.id}/content`).catch(setError)}>
                    {t('docs.download')}
                  </button>
                </td>
              </tr>
            )}
          />
        )}
      </Loaded>
    </section>
  );
}
