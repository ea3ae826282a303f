/** The signed head of the chain: the last fingerprint, when and with which key Kopa signed it. */
import { FormattedMessage } from 'react-intl';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import type { Checkpoint } from './audit-api.ts';

export function CheckpointCard({ checkpoint }: { checkpoint: Checkpoint | null }) {
  return (
    <section className="card stack" aria-labelledby="checkpoint-heading">
      <h2 id="checkpoint-heading">
        <FormattedMessage id="checkpoint.title" />
      </h2>
      {!checkpoint ? (
        <p className="muted">
          <FormattedMessage id="checkpoint.none" />
        </p>
      ) : (
        <>
          <p className="muted">
            <FormattedMessage id="checkpoint.lead" />
          </p>
          <dl className="facts">
            <div>
              <dt>
                <FormattedMessage id="checkpoint.seq" />
              </dt>
              <dd>{checkpoint.seq}</dd>
            </div>
            <div>
              <dt>
                <FormattedMessage id="checkpoint.signedAt" />
              </dt>
              <dd>
                <DateTime value={checkpoint.signedAt} style="long" />
              </dd>
            </div>
            <div>
              <dt>
                <FormattedMessage id="checkpoint.algorithm" />
              </dt>
              <dd>{checkpoint.algorithm}</dd>
            </div>
            <div>
              <dt>
                <FormattedMessage id="checkpoint.keyId" />
              </dt>
              <dd className="mono">{checkpoint.keyId}</dd>
            </div>
          </dl>
          <div>
            <h3 className="small">
              <FormattedMessage id="checkpoint.hash" />
            </h3>
            <p className="event__hash">{checkpoint.hash}</p>
          </div>
          <div>
            <h3 className="small">
              <FormattedMessage id="checkpoint.signature" />
            </h3>
            <p className="event__hash">{checkpoint.signature}</p>
          </div>
          <div>
            <h3 className="small">
              <FormattedMessage id="checkpoint.publicKey" />
            </h3>
            <pre className="key-block">{checkpoint.publicKeyPem.trim()}</pre>
          </div>
        </>
      )}
    </section>
  );
}
