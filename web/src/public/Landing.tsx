import { Link } from '../app/router';
import { useT } from '../i18n/i18n';

export function Landing() {
  const t = useT();
  return (
    <>
      <section className="hero">
        <h1>{t('landing.title')}</h1>
        <p className="lead">{t('landing.lead')}</p>
        <p className="actions">
          <Link to="/signup" className="button-link primary">
            {t('landing.ctaSignup')}
          </Link>
          <Link to="/login" className="button-link">
            {t('landing.ctaLogin')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="who">
        <h2 id="who">{t('landing.whoTitle')}</h2>
        <div className="cards">
          <article className="card">
            <h3>{t('landing.donorTitle')}</h3>
            <p>{t('landing.donorText')}</p>
          </article>
          <article className="card">
            <h3>{t('landing.patientTitle')}</h3>
            <p>{t('landing.patientText')}</p>
          </article>
          <article className="card">
            <h3>{t('landing.coordinatorTitle')}</h3>
            <p>{t('landing.coordinatorText')}</p>
          </article>
        </div>
      </section>
      <section aria-labelledby="how">
        <h2 id="how">{t('landing.howTitle')}</h2>
        <ol className="steps">
          <li>{t('landing.step1')}</li>
          <li>{t('landing.step2')}</li>
          <li>{t('landing.step3')}</li>
          <li>{t('landing.step4')}</li>
        </ol>
      </section>
      <section aria-labelledby="trust">
        <h2 id="trust">{t('landing.trustTitle')}</h2>
        <ul>
          <li>{t('landing.trust1')}</li>
          <li>{t('landing.trust2')}</li>
          <li>{t('landing.trust3')}</li>
        </ul>
      </section>
    </>
  );
}
