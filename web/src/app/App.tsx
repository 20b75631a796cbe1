import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link, navigate, useFocusHeadingOnRouteChange, usePath } from './router';
import { homeOf, logOut, useSession } from './session';
import { setLang, useT, currentLang, type Lang } from '../i18n/i18n';
import { Loading } from '../ui/status';
import { Landing } from '../public/Landing';
import { Signup } from '../public/Signup';
import { Login } from '../public/Login';
import { PasswordReset } from '../public/PasswordReset';
import { Contact } from '../public/Contact';
import type { Role } from '../api/types';

// Each portal is its own chunk, loaded when first visited.
const DonorPortal = lazy(() => import('../donor/DonorPortal'));
const PatientPortal = lazy(() => import('../patient/PatientPortal'));
const CoordinatorConsole = lazy(() => import('../coordinator/CoordinatorConsole'));

export function App() {
  const t = useT();
  const session = useSession();
  const path = usePath();
  useFocusHeadingOnRouteChange();
  useEffect(() => {
    document.title = `RamSetu — ${t('app.tagline')}`;
  }, [t, path]);
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main">
        {session.status === 'restoring' ? <Loading label={t('session.restoring')} /> : <Routes path={path} />}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <nav aria-label={t('app.footerNav')}>
          <Link to="/contact">{t('nav.contact')}</Link> · <a href="/swagger-ui.html">{t('app.apiDocs')}</a>
        </nav>
      </footer>
    </>
  );
}

function Header() {
  const t = useT();
  const session = useSession();
  const user = session.user;
  return (
    <header className="site-header">
      <Link to={user ? homeOf(user.role) : '/'} className="brand">
        <span aria-hidden="true">◠</span> RamSetu
      </Link>
      <nav aria-label={t('nav.main')}>
        <ul>
          {!user && (
            <>
              <li>
                <Link to="/">{t('nav.home')}</Link>
              </li>
              <li>
                <Link to="/login">{t('nav.login')}</Link>
              </li>
              <li>
                <Link to="/signup" className="button-link">
                  {t('nav.signup')}
                </Link>
              </li>
            </>
          )}
          {user && (
            <>
              <li className="who">
                {user.fullName} <span className="muted">({t(`role.${user.role}` as 'role.DONOR')})</span>
              </li>
              <li>
                <button
                  type="button"
                  onClick={() => {
                    void logOut().finally(() => navigate('/'));
                  }}
                >
                  {t('nav.logout')}
                </button>
              </li>
            </>
          )}
          <li>
            <LanguageSwitch />
          </li>
        </ul>
      </nav>
    </header>
  );
}

function LanguageSwitch() {
  const t = useT();
  const lang = currentLang();
  const other: Lang = lang === 'en' ? 'hi' : 'en';
  return (
    <button type="button" lang={other} onClick={() => setLang(other)} aria-label={t('lang.switchLabel')}>
      {other === 'hi' ? 'हिन्दी' : 'English'}
    </button>
  );
}

function Routes({ path }: { path: string }) {
  if (path === '/') return <Landing />;
  if (path === '/signup') return <Signup />;
  if (path === '/login') return <Login />;
  if (path === '/reset') return <PasswordReset />;
  if (path === '/contact') return <Contact />;
  if (path === '/donor' || path.startsWith('/donor/'))
    return (
      <Protected role="DONOR">
        <DonorPortal path={path} />
      </Protected>
    );
  if (path === '/patient' || path.startsWith('/patient/'))
    return (
      <Protected role="PATIENT">
        <PatientPortal path={path} />
      </Protected>
    );
  if (path === '/coordinator' || path.startsWith('/coordinator/'))
    return (
      <Protected role="ADMIN">
        <CoordinatorConsole path={path} />
      </Protected>
    );
  return <NotFound />;
}

function Protected({ role, children }: { role: Role; children: ReactNode }) {
  const session = useSession();
  const t = useT();
  if (!session.user) return <Login returnTo={window.location.pathname} />;
  if (session.user.role !== role) {
    return (
      <section>
        <h1>{t('access.title')}</h1>
        <p>{t('access.otherRole')}</p>
        <Link to={homeOf(session.user.role)}>{t('access.goHome')}</Link>
      </section>
    );
  }
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function NotFound() {
  const t = useT();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}


