import { useState } from 'react';
import { ApiError } from '../api/problem';
import { http, ok, sessionCall } from '../api/client';
import { Link, navigate } from '../app/router';
import { completeSecondFactor, homeOf, logIn, startSession, useSession, verifyCode } from '../app/session';
import type { AuthTokens, SecondFactorNeeded } from '../api/types';
import { useT } from '../i18n/i18n';
import { EmailField, fieldError, ProblemAlert, SelectField, Submit, TextField, useSubmission } from '../ui/forms';

/** Login; also shown in place of a portal page when the session is missing or expired. */
export function Login({ returnTo }: { returnTo?: string }) {
  const t = useT();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('');
  const [code, setCode] = useState('');
  const [unverified, setUnverified] = useState(false);
  const [secondFactor, setSecondFactor] = useState<SecondFactorNeeded>();
  const [factorCode, setFactorCode] = useState('');
  const [enrolled, setEnrolled] = useState<AuthTokens>();
  // One busy and error state for the three forms: the code form below the login form has no alert
  // of its own and shows its refusals in the login form's.
  const { busy, error, submit, fail, clear } = useSubmission();

  const signIn = submit(async () => {
    try {
      const answer = await logIn(email, password, role);
      if ('challenge' in answer) {
        setSecondFactor(answer);
        setFactorCode('');
      } else {
        goHome(answer.role);
      }
    } catch (err) {
      if (err instanceof ApiError && err.type === 'email-not-verified') {
        setUnverified(true);
        // The server names the account's role once the password was right.
        if (err.extensions.role) setRole(err.extensions.role);
      }
      throw err;
    }
  });

  const goHome = (role: Parameters<typeof homeOf>[0]) =>
    navigate(returnTo && returnTo.startsWith(homeOf(role)) ? returnTo : homeOf(role), true);

  const confirmFactor = submit(async () => {
    if (!secondFactor) return;
    const tokens = await completeSecondFactor(secondFactor.challenge, factorCode.trim());
    if (tokens.recoveryCodes?.length) {
      setEnrolled(tokens);
    } else {
      goHome(startSession(tokens).role);
    }
  });

  if (enrolled) {
    return (
      <section className="narrow">
        <h1>{t('mfa.recoveryTitle')}</h1>
        <p>{t('mfa.recoveryIntro')}</p>
        <ul className="recovery-codes" aria-label={t('mfa.recoveryTitle')}>
          {enrolled.recoveryCodes!.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="primary" onClick={() => goHome(startSession(enrolled).role)}>
          {t('mfa.recoveryDone')}
        </button>
      </section>
    );
  }

  if (secondFactor) {
    return (
      <section className="narrow">
        <h1>{secondFactor.enrolment ? t('mfa.enrolTitle') : t('mfa.title')}</h1>
        {secondFactor.enrolment && (
          <div className="panel">
            <p>{t('mfa.enrolIntro')}</p>
            <p>
              {t('mfa.secret')}: <code data-totp-secret>{secondFactor.enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
            </p>
            <p>
              <a href={secondFactor.enrolment.uri}>{t('mfa.link')}</a>
            </p>
          </div>
        )}
        <form onSubmit={confirmFactor} noValidate>
          <TextField
            label={t('mfa.code')}
            name="one-time-code"
            autoComplete="one-time-code"
            autoFocus
            value={factorCode}
            onChange={(e) => setFactorCode(e.target.value)}
            hint={t('mfa.codeHint')}
            error={fieldError(error, 'code')}
            required
          />
          <ProblemAlert error={error} shownFields={['code']} />
          <Submit busy={busy}>{t('mfa.submit')}</Submit>{' '}
          <button
            type="button"
            onClick={() => {
              // A refusal of the code must not greet the password form that comes back.
              clear();
              setSecondFactor(undefined);
            }}
          >
            {t('mfa.restart')}
          </button>
        </form>
      </section>
    );
  }

  const verify = submit(async () => {
    const user = await verifyCode(email, role || 'DONOR', code.trim());
    navigate(homeOf(user.role), true);
  });

  return (
    <section className="narrow">
      <h1>{t('login.title')}</h1>
      {session.expired && (
        <p className="alert warning" role="alert">
          {t('session.expired')}
        </p>
      )}
      {!session.expired && returnTo && <p className="alert info">{t('login.needed')}</p>}
      <form onSubmit={signIn} noValidate>
        <EmailField name="email" autoComplete="username" value={email} onChange={setEmail} error={error} />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(error, 'password')}
          required
        />
        <SelectField
          label={t('login.role')}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          placeholder={t('login.roleAny')}
          options={[
            { value: 'DONOR', label: t('role.DONOR') },
            { value: 'PATIENT', label: t('role.PATIENT') },
            { value: 'ADMIN', label: t('role.ADMIN') },
          ]}
          hint={t('login.roleHint')}
          error={fieldError(error, 'role')}
        />
        <ProblemAlert error={error} shownFields={['email', 'password', 'role']} />
        <Submit busy={busy}>{t('login.submit')}</Submit>
      </form>
      {unverified && (
        <form onSubmit={verify} noValidate className="panel">
          <h2>{t('signup.codeTitle')}</h2>
          <SelectField
            label={t('signup.role')}
            value={role || 'DONOR'}
            onChange={(e) => setRole(e.target.value)}
            options={[
              { value: 'DONOR', label: t('role.DONOR') },
              { value: 'PATIENT', label: t('role.PATIENT') },
            ]}
          />
          <TextField label={t('signup.code')} inputMode="numeric" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
          <Submit busy={busy}>{t('signup.verify')}</Submit>{' '}
          <button
            type="button"
            onClick={() =>
              void ok(http().POST('/api/v1/auth/resend-code', { ...sessionCall, body: { email, role: role || 'DONOR' } })).catch(fail)
            }
          >
            {t('signup.resend')}
          </button>
        </form>
      )}
      <p>
        <Link to="/reset">{t('login.forgot')}</Link> · <Link to="/signup">{t('login.noAccount')}</Link>
      </p>
    </section>
  );
}
