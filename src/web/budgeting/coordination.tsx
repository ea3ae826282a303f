/**
 * The coordinator's steps on a budget's page: while it is a draft, its settings and its projects —
 * entered directly, prefilled from an accepted proposal of its process, or from a Pabulib file —
 * each editable and removable; then opening and closing the vote, printing voting codes,
 * previewing and publishing the results.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { Button, FileTrigger, Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { paths } from '../platform/routing/paths.ts';
import { BudgetSettingsForm } from './budget-settings-form.tsx';
import {
  type BudgetPage,
  budgetingApi,
  budgetKeys,
  lineOf,
  type Project,
  type ProposalCandidate,
} from './budgeting-api.ts';
import { useMoney } from './money.ts';
import { EMPTY_DRAFT, ProjectForm } from './project-form.tsx';
import { ProposalPicker } from './proposal-picker.tsx';

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
          <p>
            <EditSettingsDialog slug={slug} budget={budget} onSaved={refresh} />
          </p>
          <ul className="item-list">
            {projects.map((project) => (
              <li key={project.id} className="row row--between">
                <span>
                  {project.title} · {money(project.costMinor)}
                  {project.sourceProposalId && budget.processId && (
                    <>
                      {' · '}
                      <Link href={paths.proposal(slug, budget.processId, project.sourceProposalId)}>
                        <FormattedMessage
                          id="budget.projects.fromProposal"
                          values={{ title: project.title }}
                        />
                      </Link>
                    </>
                  )}
                </span>
                <span className="button-row">
                  <EditProjectDialog slug={slug} budget={budget} project={project} onSaved={refresh} />
                  <Button
                    className="button button--quiet button--small"
                    onPress={() => removeProject.mutate(project.id)}
                  >
                    <FormattedMessage id="budget.projects.remove" values={{ title: project.title }} />
                  </Button>
                </span>
              </li>
            ))}
          </ul>
          <AddProject slug={slug} budget={budget} onAdded={refresh} />
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

function AddProject({
  slug,
  budget,
  onAdded,
}: {
  slug: string;
  budget: BudgetPage;
  onAdded: () => Promise<unknown>;
}) {
  const intl = useIntl();
  const headingId = useId();
  const [candidate, setCandidate] = useState<ProposalCandidate | null>(null);
  // Each added project starts the form, the picker with it, afresh.
  const [added, setAdded] = useState(0);
  const add = useMutation({
    mutationFn: (input: Parameters<typeof budgetingApi.addProject>[2]) =>
      budgetingApi.addProject(slug, budget.id, input),
    onSuccess: async (project) => {
      setCandidate(null);
      setAdded((count) => count + 1);
      await onAdded();
      announce(project.title);
    },
  });
  const draft = candidate
    ? {
        title: candidate.title,
        description: candidate.description,
        category: candidate.category,
        costMinor: candidate.estimatedCostMinor,
      }
    : EMPTY_DRAFT;
  return (
    <ProjectForm
      key={added}
      labelledBy={headingId}
      draft={draft}
      draftKey={candidate?.id ?? 'direct'}
      currency={budget.currency}
      submit={<FormattedMessage id="budget.manage.addProject" />}
      isPending={add.isPending}
      error={add.error}
      onSubmit={(input) => add.mutate({ ...input, sourceProposalId: candidate?.id ?? null })}
    >
      <h3 id={headingId}>
        <FormattedMessage id="budget.manage.addProject" />
      </h3>
      {budget.processId && (
        <>
          <ProposalPicker
            slug={slug}
            budgetId={budget.id}
            currency={budget.currency}
            onPick={(picked) => {
              setCandidate(picked);
              if (picked)
                announce(intl.formatMessage({ id: 'budget.manage.proposalChosen' }, { title: picked.title }));
            }}
          />
          {candidate && (
            <p className="muted">
              <FormattedMessage id="budget.manage.proposalChosen" values={{ title: candidate.title }} />
            </p>
          )}
        </>
      )}
    </ProjectForm>
  );
}

function EditProjectDialog({
  slug,
  budget,
  project,
  onSaved,
}: {
  slug: string;
  budget: BudgetPage;
  project: Project;
  onSaved: () => Promise<unknown>;
}) {
  const intl = useIntl();
  const save = useMutation({
    mutationFn: (input: Parameters<typeof budgetingApi.updateProject>[3]) =>
      budgetingApi.updateProject(slug, budget.id, project.id, input),
  });
  return (
    <ModalDialog
      title={intl.formatMessage({ id: 'budget.projects.editTitle' })}
      trigger={
        <Button className="button button--quiet button--small">
          <FormattedMessage id="budget.projects.edit" values={{ title: project.title }} />
        </Button>
      }
    >
      {(close) => (
        <ProjectForm
          draft={project}
          draftKey={project.id}
          currency={budget.currency}
          submit={<FormattedMessage id="budget.projects.save" />}
          isPending={save.isPending}
          error={save.error}
          onSubmit={(input) =>
            save.mutate(input, {
              onSuccess: async (saved) => {
                close();
                await onSaved();
                announce(intl.formatMessage({ id: 'budget.projects.saved' }, { title: saved.title }));
              },
            })
          }
        />
      )}
    </ModalDialog>
  );
}

function EditSettingsDialog({
  slug,
  budget,
  onSaved,
}: {
  slug: string;
  budget: BudgetPage;
  onSaved: () => Promise<unknown>;
}) {
  const intl = useIntl();
  const [isOpen, setOpen] = useState(false);
  return (
    <ModalDialog
      title={intl.formatMessage({ id: 'budget.settings.title' })}
      isOpen={isOpen}
      onOpenChange={setOpen}
      trigger={
        <Button className="button button--secondary">
          <FormattedMessage id="budget.settings.edit" />
        </Button>
      }
    >
      {() => (
        <BudgetSettingsForm
          slug={slug}
          budget={budget}
          submitLabel="budget.settings.submit"
          save={(input) => budgetingApi.update(slug, budget.id, input)}
          onSaved={async () => {
            setOpen(false);
            await onSaved();
            announce(intl.formatMessage({ id: 'budget.settings.saved' }));
          }}
        />
      )}
    </ModalDialog>
  );
}
