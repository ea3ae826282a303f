/** The first stop of the keyboard: straight past the header to the page's content. */
import { FormattedMessage } from 'react-intl';

export const MAIN_ID = 'main';

export function SkipLink() {
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(event) => {
        // Move focus explicitly: the router would otherwise treat the hash as a navigation.
        event.preventDefault();
        const main = document.getElementById(MAIN_ID);
        const heading = main?.querySelector<HTMLElement>('h1');
        (heading ?? main)?.focus();
      }}
    >
      <FormattedMessage id="nav.skipToContent" />
    </a>
  );
}
