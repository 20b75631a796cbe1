import { useState } from 'react';
import { http, ok, sessionCall } from '../api/client';
import { Link } from '../app/router';
import { useT } from '../i18n/i18n';
import { EmailField, fieldError, NewPasswordField, ProblemAlert, RadioGroup, Submit, TextField, useSubmission } from '../ui/forms';

/** Password reset: ask for a code by e-mail, then set a new password with it. */
export function PasswordReset() {
  const t = useT();
  const [step, setStep] = useState<'ask' | 'confirm' | 'done'>('ask');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('DONOR');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { busy, error, submit: run } = useSubmission();

  if (step === 'done') {
    return (
      <section className="narrow">
        <h1>{t('reset.doneTitle')}</h1>
        <p role="status">{t('reset.done')}</p>
        <Link to="/login" className="button-link primary">
          {t('nav.login')}
        </Link>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('reset.title')}</h1>
      {step === 'ask' ? (
        <form
          noValidate
          onSubmit={run(async () => {
            await ok(http().POST('/api/v1/auth/password-reset', { ...sessionCall, body: { email, role } }));
            setStep('confirm');
          })}
        >
          <p>{t('reset.intro')}</p>
          <EmailField autoComplete="email" value={email} onChange={setEmail} error={error} />
          <RadioGroup
            legend={t('signup.role')}
            name="role"
            value={role}
            onChange={setRole}
            options={[
              { value: 'DONOR', label: t('role.DONOR') },
              { value: 'PATIENT', label: t('role.PATIENT') },
              { value: 'ADMIN', label: t('role.ADMIN') },
            ]}
            error={fieldError(error, 'role')}
          />
          <ProblemAlert error={error} shownFields={['email', 'role']} />
          <Submit busy={busy}>{t('reset.send')}</Submit>
        </form>
      ) : (
        <form
          noValidate
          onSubmit={run(async () => {
            await ok(http().POST('/api/v1/auth/password-reset/confirm', { ...sessionCall, body: { email, role, code: code.trim(), newPassword } }));
            setStep('done');
          })}
        >
          <p role="status">{t('reset.sent', { email })}</p>
          <TextField label={t('signup.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} error={fieldError(error, 'code')} required />
          <NewPasswordField label={t('reset.newPassword')} field="newPassword" value={newPassword} onChange={setNewPassword} error={error} />
          <ProblemAlert error={error} shownFields={['code', 'newPassword']} />
          <Submit busy={busy}>{t('reset.confirm')}</Submit>
        </form>
      )}
    </section>
  );
}
