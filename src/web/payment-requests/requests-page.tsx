/**
 * An account's payment requests: those it is asked to pay and those it asked for, in two tabs;
 * for its representatives, a form to ask another member for a payment and the list of members
 * whose requests are paid automatically.
 */
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Direction } from './payment-requests-api.ts';
import { RequestForm } from './request-form.tsx';
import { RequestList } from './request-list.tsx';
import { TrustedPayeesSection } from './trusted-payees-section.tsx';
import { WalletSubpage } from './wallet-subpage.tsx';

const DIRECTIONS: readonly Direction[] = ['incoming', 'outgoing'];

export function RequestsPage({ slug, accountId }: { slug: string; accountId: string }) {
  const intl = useIntl();
  return (
    <WalletSubpage slug={slug} accountId={accountId} titleId="requests.title" leadId="requests.lead">
      {({ unit, wallet }) => (
        <>
          <section aria-labelledby="requests-heading" className="stack">
            <h2 id="requests-heading">
              <FormattedMessage id="requests.list.title" />
            </h2>
            <Tabs>
              <TabList className="tabs__list" aria-label={intl.formatMessage({ id: 'requests.list.title' })}>
                {DIRECTIONS.map((direction) => (
                  <Tab key={direction} id={direction} className="tabs__tab">
                    <FormattedMessage id={`requests.tab.${direction}`} />
                  </Tab>
                ))}
              </TabList>
              {DIRECTIONS.map((direction) => (
                <TabPanel key={direction} id={direction} className="tabs__panel">
                  <RequestList
                    slug={slug}
                    accountId={accountId}
                    direction={direction}
                    unit={unit}
                    mayAct={wallet.mayAct}
                  />
                </TabPanel>
              ))}
            </Tabs>
          </section>
          {wallet.mayAct && <RequestForm slug={slug} accountId={accountId} unit={unit} />}
          {wallet.mayAct && <TrustedPayeesSection slug={slug} accountId={accountId} unit={unit} />}
        </>
      )}
    </WalletSubpage>
  );
}
