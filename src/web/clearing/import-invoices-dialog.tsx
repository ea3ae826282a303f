/**
 * A coordinator imports many invoices at once from CSV (pasted, or read from a chosen file). The
 * server checks every line before writing any: when it refuses, each problem is listed with its
 * line number, and nothing was imported.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button, FileTrigger, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useIdempotencyKey } from '../currency/use-idempotency-key.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { clearingApi, clearingKeys, importProblemsOf } from './clearing-api.ts';
import { useEuroFormat } from './euros.tsx';

/** The server's bound (MAX_INVOICE_CSV_CHARS). */
const MAX_CSV_CHARS = 1024 * 1024;
const EXAMPLE =
  'debtor,creditor,amount,reference,issued_on\nEcos-Med,Comune di Roccavaldina,1234.50,F-2025-17,2025-03-01';

export function ImportInvoicesDialog({ slug }: { slug: string }) {
  const intl = useIntl();
  return (
    <ModalDialog
      title={intl.formatMessage({ id: 'clearing.import.title' })}
      trigger={
        <Button className="button button--secondary">
          <FormattedMessage id="clearing.import.open" />
        </Button>
      }
    >
      {(close) => <ImportForm slug={slug} close={close} />}
    </ModalDialog>
  );
}

function ImportForm({ slug, close }: { slug: string; close: () => void }) {
  const intl = useIntl();
  const { euros } = useEuroFormat();
  const queryClient = useQueryClient();
  const problemsRef = useRef<HTMLDivElement>(null);
  const [csv, setCsv] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const { keyFor } = useIdempotencyKey();
  const upload = useMutation({
    mutationFn: (text: string) => clearingApi.import(slug, text, keyFor(text)),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: clearingKeys.all(slug) });
      close();
      announce(
        intl.formatMessage(
          { id: 'clearing.import.done' },
          { count: result.importedCount, total: euros(result.totalCents) },
        ),
      );
    },
    onError: () => requestAnimationFrame(() => problemsRef.current?.focus()),
  });
  const problems = importProblemsOf(upload.error);

  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (csv.trim() !== '') upload.mutate(csv);
      }}
    >
      <p>
        <FormattedMessage id="clearing.import.explain" values={{ code: (text) => <code>{text}</code> }} />
      </p>
      <figure className="csv-example">
        <figcaption>
          <FormattedMessage id="clearing.import.example" />
        </figcaption>
        <pre>{EXAMPLE}</pre>
      </figure>
      {problems.length > 0 ? (
        <div className="alert alert--error" role="alert" tabIndex={-1} ref={problemsRef}>
          <p className="alert__title">{upload.error instanceof Error ? upload.error.message : ''}</p>
          <ul className="import-problems">
            {problems.map((problem) => (
              <li key={`${problem.line}-${problem.code}-${problem.column ?? ''}`}>
                <FormattedMessage
                  id="clearing.import.problem"
                  values={{ line: problem.line, message: problem.message }}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorAlert error={upload.error} />
      )}
      {fileProblem && (
        <div className="alert alert--error" role="alert">
          <p>{fileProblem}</p>
        </div>
      )}
      <div className="button-row">
        <FileTrigger
          acceptedFileTypes={['text/csv', '.csv', 'text/plain']}
          onSelect={async (files) => {
            const file = files?.[0];
            if (!file) return;
            if (file.size > MAX_CSV_CHARS) {
              setFileProblem(intl.formatMessage({ id: 'clearing.import.tooLarge' }, { name: file.name }));
              return;
            }
            setFileProblem(null);
            setCsv(await file.text());
            announce(intl.formatMessage({ id: 'clearing.import.fileRead' }, { name: file.name }));
          }}
        >
          <Button className="button button--secondary">
            <FormattedMessage id="clearing.import.chooseFile" />
          </Button>
        </FileTrigger>
      </div>
      <TextField
        name="csv"
        isMultiline
        rows={8}
        isRequired
        maxLength={MAX_CSV_CHARS}
        value={csv}
        onChange={setCsv}
        label={<FormattedMessage id="clearing.import.csv" />}
        description={<FormattedMessage id="clearing.import.csv.help" />}
      />
      <div className="form-actions">
        <SubmitButton isPending={upload.isPending}>
          <FormattedMessage id="clearing.import.submit" />
        </SubmitButton>
        <Button className="button button--secondary" slot="close">
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}
