import { useState } from 'react';
import { http, ok, sessionCall } from '../api/client';
import { navigate, Link } from '../app/router';
import { homeOf, verifyCode } from '../app/session';
import { useT } from '../i18n/i18n';
import { EmailField, fieldError, NewPasswordField, ProblemAlert, RadioGroup, Submit, TextField, useSubmission } from '../ui/forms';

/** Sign-up in two steps: the account, then the 6-digit code from the e-mail. */
export function Signup() {
  const t = useT();
  const [step, setStep] = useState<'account' | 'code'>('account');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('DONOR');
  const [code, setCode] = useState('');
  const account = useSubmission();
  const confirm = useSubmission();
  const [notice, setNotice] = useState('');

  const signUp = account.submit(async () => {
    await ok(http().POST('/api/v1/auth/signup', { ...sessionCall, body: { email, password, role, fullName } }));
    setStep('code');
  });

  const verify = confirm.submit(async () => {
    const user = await verifyCode(email, role, code.trim());
    navigate(homeOf(user.role));
  });

  // A new code is asked for beside the code form: its refusal shows there, the form stays usable.
  const resend = async () => {
    confirm.clear();
    try {
      await ok(http().POST('/api/v1/auth/resend-code', { ...sessionCall, body: { email, role } }));
      setNotice(t('signup.resent'));
    } catch (err) {
      confirm.fail(err);
    }
  };

  if (step === 'code') {
    const { busy, error } = confirm;
    return (
      <section className="narrow">
        <h1>{t('signup.codeTitle')}</h1>
        <p>{t('signup.codeSent', { email })}</p>
        <form onSubmit={verify} noValidate>
          <TextField
            label={t('signup.code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fieldError(error, 'code')}
            hint={t('signup.codeHint')}
            required
          />
          <ProblemAlert error={error} shownFields={['code']} />
          {notice && (
            <p className="alert info" role="status">
              {notice}
            </p>
          )}
          <Submit busy={busy}>{t('signup.verify')}</Submit>{' '}
          <button type="button" onClick={resend}>
            {t('signup.resend')}
          </button>
        </form>
      </section>
    );
  }

  const { busy, error } = account;
  return (
    <section className="narrow">
      <h1>{t('signup.title')}</h1>
      <p>{t('signup.intro')}</p>
      <form onSubmit={signUp} noValidate>
        <RadioGroup
          legend={t('signup.role')}
          name="role"
          value={role}
          onChange={setRole}
          options={[
            { value: 'DONOR', label: t('role.DONOR'), hint: t('signup.donorHint') },
            { value: 'PATIENT', label: t('role.PATIENT'), hint: t('signup.patientHint') },
          ]}
          error={fieldError(error, 'role')}
        />
        <TextField
          label={t('signup.fullName')}
          name="fullName"
          autoComplete="name"
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          error={fieldError(error, 'fullName')}
          required
        />
        <EmailField name="email" autoComplete="email" value={email} onChange={setEmail} error={error} />
        <NewPasswordField label={t('auth.password')} name="password" field="password" value={password} onChange={setPassword} error={error} />
        <ProblemAlert error={error} shownFields={['role', 'fullName', 'email', 'password']} />
        <Submit busy={busy}>{t('signup.submit')}</Submit>
      </form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </p>
    </section>
  );
}
