/** What a region shows while its data is on the way (announced politely, once). */
import { FormattedMessage } from 'react-intl';

export function Loading() {
  return (
    <div className="loading" role="status">
      <span className="loading__dot" aria-hidden="true" />
      <FormattedMessage id="common.loading" />
    </div>
  );
}
