/** Everything Kopa holds about oneself, as one JSON file (GDPR articles 15 and 20). */
import { FormattedMessage } from 'react-intl';
import { EXPORT_URL } from './account-api.ts';

export function DataExportSection() {
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">
        <FormattedMessage id="export.title" />
      </h2>
      <p>
        <FormattedMessage id="export.text" />
      </p>
      <a className="button button--secondary" href={EXPORT_URL} download="kopa-my-data.json">
        <FormattedMessage id="export.download" />
      </a>
    </section>
  );
}
