import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useRootData } from '~/root'

function LanguageSwitch() {
  const data = useRootData()
  const location = useLocation()
  const { t } = useTranslation()
  const current = data?.locale ?? 'ro'
  const other = current === 'ro' ? 'en' : 'ro'
  return (
    <Form method="post" action="/set-language" className="language-switch">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <input type="hidden" name="lng" value={other} />
      <button type="submit" className="link-button" lang={other}>
        {t(`shell.switchTo.${other}`)}
      </button>
    </Form>
  )
}

export function SiteHeader() {
  const data = useRootData()
  const { t } = useTranslation()
  const user = data?.user
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ▦
          </span>
          <span>{t('app.name')}</span>
        </Link>
        <nav aria-label={t('shell.mainNav')} className="main-nav">
          <ul>
            <li>
              <NavLink to="/consultations">{t('nav.consultations')}</NavLink>
            </li>
            <li>
              <NavLink to="/authorities">{t('nav.authorities')}</NavLink>
            </li>
            <li>
              <NavLink to="/organisations">{t('nav.organisations')}</NavLink>
            </li>
            {data?.staffOf.map((a) => (
              <li key={a.id}>
                <NavLink to={`/a/${a.slug}/staff`}>{t('nav.staffArea', { authority: a.name })}</NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/search">{t('nav.search')}</NavLink>
            </li>
            {user?.isPlatformAdmin ? (
              <li>
                <NavLink to="/admin">{t('nav.platformAdmin')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="user-nav">
          <LanguageSwitch />
          {user ? (
            <>
              <NavLink to="/account">{t('nav.account', { name: user.name })}</NavLink>
              <NavLink to="/account/notifications">{t('nav.notifications')}</NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  {t('nav.logout')}
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login">{t('nav.login')}</NavLink>
              <NavLink to="/signup" className="button button-small">
                {t('nav.signup')}
              </NavLink>
            </>
          )}
        </div>
      </div>
    </header>
  )
}

export function SiteFooter() {
  const { t } = useTranslation()
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>{t('shell.footer.about')}</p>
        <p>{t('shell.footer.privacy')}</p>
      </div>
    </footer>
  )
}
