/** The footer on every page: what Kopa is, where its code and API live. */
import { FormattedMessage } from 'react-intl';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p>
          <FormattedMessage id="footer.about" />
        </p>
        <ul className="site-footer__links">
          <li>
            <a href="/api/docs">
              <FormattedMessage id="footer.api" />
            </a>
          </li>
          <li>
            <FormattedMessage id="footer.licence" />
          </li>
        </ul>
      </div>
    </footer>
  );
}
