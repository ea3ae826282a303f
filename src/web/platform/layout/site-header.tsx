/** The banner on every page: the brand, the main navigation, and the language switcher. */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { LocaleSwitcher } from '../i18n/locale-switcher.tsx';
import { NavLink } from '../routing/nav-link.tsx';
import { paths } from '../routing/paths.ts';
import { SignOutButton } from '../session/sign-out-button.tsx';
import { useSession } from '../session/use-session.ts';
import { BrandMark } from './brand-mark.tsx';

export function SiteHeader() {
  const intl = useIntl();
  const session = useSession();
  const person = session.data?.person ?? null;
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href={paths.home()} className="brand">
          <BrandMark />
          <span>Kopa</span>
          <span className="visually-hidden">
            {' — '}
            <FormattedMessage id="nav.home" />
          </span>
        </Link>
        <nav className="site-nav" aria-label={intl.formatMessage({ id: 'nav.main' })}>
          <ul className="site-nav__list">
            <li>
              <NavLink href={paths.home()} className="site-nav__link">
                <FormattedMessage id="nav.clusters" />
              </NavLink>
            </li>
            {person?.isPlatformAdmin && (
              <li>
                <NavLink href={paths.outbox()} className="site-nav__link">
                  <FormattedMessage id="nav.outbox" />
                </NavLink>
              </li>
            )}
            {person ? (
              <>
                <li>
                  <NavLink href={paths.account()} className="site-nav__link">
                    <FormattedMessage id="nav.account" values={{ name: person.displayName }} />
                  </NavLink>
                </li>
                <li>
                  <SignOutButton className="button button--quiet" />
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink href={paths.signIn()} className="site-nav__link">
                    <FormattedMessage id="nav.signIn" />
                  </NavLink>
                </li>
                <li>
                  <NavLink href={paths.signUp()} className="site-nav__link">
                    <FormattedMessage id="nav.signUp" />
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <div className="site-header__tools">
          <LocaleSwitcher />
        </div>
      </div>
    </header>
  );
}
