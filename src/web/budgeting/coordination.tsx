/**
 * The coordinator's steps on a budget's page: projects while it is a draft (or a Pabulib file), then
 * opening and closing the vote, printing voting codes, previewing and publishing the results.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, FileTrigger, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { paths } from '../platform/routing/paths.ts';
import { type BudgetPage, budgetingApi, budgetKeys, lineOf, type Project } from './budgeting-api.ts';
import { minorFromText } from './create-budget-dialog.tsx';
import { useMoney } from './money.ts';

export function Coordination({
  slug,
  budget,
  projects,
}: {
  slug: string;
  budget: BudgetPage;
  projects: readonly Project[];
}) {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const money = useMoney(budget.currency);
  const [codes, setCodes] = useState<string[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: budgetKeys.one(slug, budget.id) });
  const step = useMutation({
    mutationFn: async (action: 'open' | 'close' | 'publish') => {
      await budgetingApi[action](slug, budget.id);
    },
    onSuccess: async (_result, action) => {
      await refresh();
      if (action === 'publish') await navigate({ to: paths.budgetResults(slug, budget.id) });
    },
  });
  const addProject = useMutation({
    mutationFn: (input: { title: string; costMinor: number; category: string; description: string }) =>
      budgetingApi.addProject(slug, budget.id, input),
    onSuccess: async (project) => {
      await refresh();
      announce(project.title);
    },
  });
  const removeProject = useMutation({
    mutationFn: (projectId: string) => budgetingApi.removeProject(slug, budget.id, projectId),
    onSuccess: refresh,
  });
  const generate = useMutation({
    mutationFn: (count: number) => budgetingApi.generateCodes(slug, budget.id, count),
    onSuccess: async (result) => {
      setCodes(result.codes);
      await refresh();
    },
  });
  const importFile = useMutation({
    mutationFn: (text: string) => budgetingApi.importPb(slug, budget.id, text),
    onSuccess: async (result) => {
      await refresh();
      announce(
        intl.formatMessage(
          { id: 'budget.manage.importDone' },
          { projects: result.projectCount, ballots: result.ballotCount },
        ),
      );
    },
  });
  const importLine = lineOf(importFile.error);
  const isDraft = budget.status === 'draft';

  return (
    <section className="section card" aria-labelledby="coordination-heading">
      <h2 id="coordination-heading" className="section-title">
        <FormattedMessage id="budget.manage.title" />
      </h2>
      <ErrorAlert error={step.error ?? removeProject.error} />
      {isDraft && (
        <>
          <ul className="item-list">
            {projects.map((project) => (
              <li key={project.id} className="row row--between">
                <span>
                  {project.title} · {money(project.costMinor)}
                </span>
                <Button
                  className="button button--quiet button--small"
                  onPress={() => removeProject.mutate(project.id)}
                >
                  <FormattedMessage id="budget.projects.remove" values={{ title: project.title }} />
                </Button>
              </li>
            ))}
          </ul>
          <Form
            className="form"
            aria-labelledby="add-project-heading"
            onSubmit={(event) => {
              const form = readForm(event);
              const target = event.currentTarget;
              addProject.mutate(
                {
                  title: form.text('title'),
                  costMinor: minorFromText(form.text('cost')),
                  category: form.text('category'),
                  description: form.text('description'),
                },
                { onSuccess: () => target.reset() },
              );
            }}
          >
            <h3 id="add-project-heading">
              <FormattedMessage id="budget.manage.addProject" />
            </h3>
            <ErrorAlert error={addProject.error} />
            <div className="form-grid">
              <TextField
                name="title"
                label={intl.formatMessage({ id: 'budget.manage.projectTitle' })}
                isRequired
                maxLength={300}
              />
              <TextField
                name="cost"
                label={intl.formatMessage({ id: 'budget.manage.cost' })}
                description={budget.currency}
                isRequired
                inputMode="decimal"
              />
              <TextField
                name="category"
                label={intl.formatMessage({ id: 'budget.manage.category' })}
                isOptional
                maxLength={100}
              />
            </div>
            <TextField
              name="description"
              label={intl.formatMessage({ id: 'budget.manage.description' })}
              isOptional
              isMultiline
              rows={3}
              maxLength={10000}
            />
            <div className="form-actions">
              <SubmitButton isPending={addProject.isPending} variant="secondary">
                <FormattedMessage id="budget.manage.addProject" />
              </SubmitButton>
            </div>
          </Form>
          {projects.length === 0 && (
            <div className="stack">
              {importFile.error ? (
                <div className="alert alert--error" role="alert">
                  <p>
                    {importLine === null ? (
                      importFile.error.message
                    ) : (
                      <FormattedMessage
                        id="budget.manage.importLine"
                        values={{ line: importLine, message: importFile.error.message }}
                      />
                    )}
                  </p>
                </div>
              ) : null}
              <FileTrigger
                acceptedFileTypes={['.pb', 'text/plain']}
                onSelect={async (files) => {
                  const file = files?.[0];
                  if (file) importFile.mutate(await file.text());
                }}
              >
                <Button className="button button--secondary">
                  <FormattedMessage id="budget.manage.import" />
                </Button>
              </FileTrigger>
            </div>
          )}
        </>
      )}
      {budget.isCodeVoting && budget.codes && (budget.status === 'draft' || budget.status === 'open') && (
        <div className="stack">
          <h3>
            <FormattedMessage id="budget.manage.codes" />
          </h3>
          <p>
            <FormattedMessage id="budget.manage.codesCount" values={budget.codes} />
          </p>
          <Form
            className="form row"
            onSubmit={(event) => generate.mutate(Number(readForm(event).text('count')))}
          >
            <TextField
              name="count"
              label={intl.formatMessage({ id: 'budget.manage.codesHowMany' })}
              defaultValue="20"
              inputMode="numeric"
              isRequired
            />
            <SubmitButton isPending={generate.isPending} variant="secondary">
              <FormattedMessage id="budget.manage.codesGenerate" />
            </SubmitButton>
          </Form>
          <ErrorAlert error={generate.error} />
          {codes.length > 0 && (
            <div className="alert alert--warning" role="status">
              <p className="alert__title">
                <FormattedMessage id="budget.manage.codesShownOnce" />
              </p>
              <ol
                className="mono voting-codes"
                aria-label={intl.formatMessage({ id: 'budget.manage.codesList' })}
              >
                {codes.map((code) => (
                  <li key={code}>{code}</li>
                ))}
              </ol>
            </div>
          )}
        </div>
      )}
      <div className="button-row">
        {isDraft && (
          <Button className="button" onPress={() => step.mutate('open')}>
            <FormattedMessage id="budget.manage.open" />
          </Button>
        )}
        {(isDraft || budget.status === 'open') && (
          <Button className="button button--secondary" onPress={() => step.mutate('close')}>
            <FormattedMessage id="budget.manage.close" />
          </Button>
        )}
        {budget.status !== 'published' && (
          <a className="button button--secondary" href={paths.budgetResults(slug, budget.id)}>
            <FormattedMessage id="budget.manage.preview" />
          </a>
        )}
        {budget.status === 'closed' && (
          <Button className="button" onPress={() => step.mutate('publish')}>
            <FormattedMessage id="budget.manage.publish" />
          </Button>
        )}
      </div>
    </section>
  );
}
