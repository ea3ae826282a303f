/**
 * How anyone can check the log without trusting Kopa: the recipe, step by step, in the reader's
 * language (the technical names stay as they are, since they are what a program reads).
 */
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

const code = (chunks: ReactNode[]) => <code>{chunks}</code>;

export function HowToVerify({ chainUrl, slug }: { chainUrl: string; slug: string }) {
  return (
    <section className="card stack" aria-labelledby="verify-heading">
      <h2 id="verify-heading">
        <FormattedMessage id="verifyLog.title" />
      </h2>
      <p>
        <FormattedMessage id="verifyLog.why" />
      </p>
      <ol className="steps">
        <li>
          <FormattedMessage
            id="verifyLog.step.download"
            values={{
              code,
              url: chainUrl,
              link: (chunks) => <a href={chainUrl}>{chunks}</a>,
            }}
          />
        </li>
        <li>
          <FormattedMessage
            id="verifyLog.step.hash"
            values={{
              code,
              header: '{v:1, clusterId, seq, occurredAt, action, isPublic, payloadDigest, prevHash}',
            }}
          />
        </li>
        <li>
          <FormattedMessage id="verifyLog.step.links" values={{ code, genesis: '0'.repeat(64) }} />
        </li>
        <li>
          <FormattedMessage
            id="verifyLog.step.signature"
            values={{
              code,
              statement: "{kind:'kopa.audit.checkpoint', v:1, clusterId, seq, hash, signedAt}",
            }}
          />
        </li>
      </ol>
      <p>
        <FormattedMessage
          id="verifyLog.cli"
          values={{ code, command: `npx kopa audit verify --cluster ${slug}` }}
        />
      </p>
      <p className="muted small">
        <FormattedMessage id="verifyLog.privacy" />
      </p>
    </section>
  );
}
