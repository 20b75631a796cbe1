import { useState, type FormEvent } from 'react';
import { runtimeConfig } from '../api/config';
import { useT } from '../i18n/i18n';
import { TextArea, TextField } from '../ui/forms';

/**
 * Contact: the message goes to the site's inbox through the visitor's own mail program (the
 * address comes from config.json's contactEmail), so nothing personal passes through a form
 * handler that would need its own spam and abuse controls.
 */
export function Contact() {
  const t = useT();
  const inbox = runtimeConfig().contactEmail ?? 'contact@ramsetu.org';
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!subject.trim() || !message.trim()) {
      setMissing(true);
      return;
    }
    const body = `${message}\n\n— ${name}`;
    window.location.href = `mailto:${inbox}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  };
  return (
    <section className="narrow">
      <h1>{t('contact.title')}</h1>
      <p>{t('contact.intro')}</p>
      <p>
        {t('contact.inbox')} <a href={`mailto:${inbox}`}>{inbox}</a>
      </p>
      <p className="alert info">{t('contact.emergency')}</p>
      <form onSubmit={submit} noValidate>
        <TextField label={t('contact.name')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        <TextField label={t('contact.subject')} value={subject} onChange={(e) => setSubject(e.target.value)} error={missing && !subject.trim() ? t('contact.required') : undefined} required />
        <TextArea label={t('contact.message')} rows={5} value={message} onChange={(e) => setMessage(e.target.value)} error={missing && !message.trim() ? t('contact.required') : undefined} required />
        <button type="submit" className="primary">
          {t('contact.send')}
        </button>
      </form>
    </section>
  );
}
