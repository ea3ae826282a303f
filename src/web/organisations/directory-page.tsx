/**
 * The member directory: the public sees active members; coordinators and members who may read
 * private details see every status. Filters by status, sector and name; "load more" pages on.
 */
import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, Link, SearchField } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { useCatalogue } from '../platform/catalogue/use-catalogue.ts';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { SelectField } from '../platform/forms/select-field.tsx';
import { CalendarDate } from '../platform/i18n/iso-date.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { type DirectoryFilter, useDirectory } from './organisation-api.ts';
import { StatusBadge } from './status-badge.tsx';

const ALL = 'all';

export function DirectoryPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const labels = useLabels();
  const cluster = useCluster(slug);
  const catalogue = useCatalogue();
  const [filter, setFilter] = useState<DirectoryFilter>({});
  const [search, setSearch] = useState('');
  const directory = useDirectory(slug, filter);
  const items = directory.data?.pages.flatMap((page) => page.items) ?? [];
  const profile = cluster.data;
  const mayReadAll = profile?.viewer.can['organisation.read_private'] === true;
  const title = intl.formatMessage({ id: 'directory.title' });

  const allOption = { id: ALL, label: intl.formatMessage({ id: 'directory.all' }) };
  const statusOptions = [allOption, ...labels.options('status', catalogue.data?.membershipStatuses ?? [])];
  const sectorOptions = [allOption, ...labels.options('sector', catalogue.data?.sectors ?? [])];

  const applySearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter((current) => ({ ...current, q: search.trim() || undefined }));
  };

  return (
    <Page
      title={profile ? [title, profile.name] : null}
      heading={<FormattedMessage id="directory.title" />}
      lead={
        mayReadAll ? (
          <FormattedMessage id="directory.leadAll" />
        ) : (
          <FormattedMessage id="directory.leadPublic" />
        )
      }
      actions={
        profile?.viewer.can['organisation.register'] && (
          <Link className="button" href={paths.newOrganisation(slug)}>
            <FormattedMessage id="cluster.registerOrganisation" />
          </Link>
        )
      }
    >
      <Form
        className="filters"
        role="search"
        aria-label={intl.formatMessage({ id: 'directory.filters' })}
        onSubmit={applySearch}
      >
        <SearchField
          className="field"
          value={search}
          onChange={setSearch}
          onClear={() => setFilter((current) => ({ ...current, q: undefined }))}
        >
          <Label className="field__label">
            <FormattedMessage id="directory.search" />
          </Label>
          <Input />
        </SearchField>
        {mayReadAll && (
          <SelectField
            label={<FormattedMessage id="directory.status" />}
            options={statusOptions}
            value={filter.status ?? ALL}
            onChange={(key) =>
              setFilter((current) => ({ ...current, status: key === ALL ? undefined : String(key) }))
            }
          />
        )}
        <SelectField
          label={<FormattedMessage id="directory.sector" />}
          options={sectorOptions}
          value={filter.sector ?? ALL}
          onChange={(key) =>
            setFilter((current) => ({ ...current, sector: key === ALL ? undefined : String(key) }))
          }
        />
        <Button type="submit" className="button button--secondary">
          <FormattedMessage id="directory.apply" />
        </Button>
      </Form>

      <ErrorAlert error={directory.error} />
      {directory.isPending ? (
        <Loading />
      ) : (
        <p className="muted" role="status">
          <FormattedMessage
            id={directory.hasNextPage ? 'directory.shownMore' : 'directory.shown'}
            values={{ count: items.length }}
          />
        </p>
      )}
      {directory.isSuccess && items.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="directory.empty" />
        </p>
      ) : (
        <ul className="item-list">
          {items.map((organisation) => (
            <li key={organisation.id}>
              <div className="item-list__main">
                <p className="item-list__title">
                  <Link href={paths.organisation(slug, organisation.id)}>{organisation.name}</Link>
                </p>
                <p className="item-list__meta">
                  {labels.legalForm(organisation.legalForm)} · {labels.sector(organisation.sector)} ·{' '}
                  {labels.country(organisation.country)}
                  {organisation.memberSince && (
                    <>
                      {' · '}
                      <FormattedMessage
                        id="organisation.memberSince"
                        values={{ date: <CalendarDate value={organisation.memberSince} /> }}
                      />
                    </>
                  )}
                </p>
              </div>
              <StatusBadge status={organisation.membershipStatus} />
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton query={directory} />
    </Page>
  );
}
