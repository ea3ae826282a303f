/**
 * A listing's photos: up to six, each with a description for those who cannot see it (required).
 * The file is checked here first (type and size, as the server will), then sent as base64.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useIdempotencyKey } from '../currency/use-idempotency-key.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { type Listing, marketplaceApi, marketplaceKeys, type Photo, photoUrl } from './marketplace-api.ts';

const MAX_PHOTOS = 6;
const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The file's bytes as base64, without the data-URL prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function PhotoManager({ slug, listing }: { slug: string; listing: Listing }) {
  const isClosed = listing.status === 'closed';
  return (
    <section aria-labelledby="photos-heading" className="card">
      <h2 id="photos-heading" tabIndex={-1}>
        <FormattedMessage id="marketplace.photos.title" />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="marketplace.photos.lead"
          values={{ count: listing.photos.length, max: MAX_PHOTOS }}
        />
      </p>
      {listing.photos.length > 0 && (
        <ul className="photo-list">
          {listing.photos.map((photo) => (
            <PhotoItem key={photo.id} slug={slug} listing={listing} photo={photo} isClosed={isClosed} />
          ))}
        </ul>
      )}
      {!isClosed && listing.photos.length < MAX_PHOTOS && <AddPhotoForm slug={slug} listing={listing} />}
    </section>
  );
}

function PhotoItem({
  slug,
  listing,
  photo,
  isClosed,
}: {
  slug: string;
  listing: Listing;
  photo: Photo;
  isClosed: boolean;
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { keyFor } = useIdempotencyKey();
  const remove = useMutation({
    mutationFn: () => marketplaceApi.removePhoto(slug, listing.id, photo.id, keyFor(photo.id)),
    onSuccess: async (updated) => {
      queryClient.setQueryData(marketplaceKeys.listing(slug, listing.id), updated);
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all(slug) });
      document.getElementById('photos-heading')?.focus();
      announce(intl.formatMessage({ id: 'marketplace.photos.removed' }));
    },
  });
  return (
    <li className="photo-list__item">
      <img src={photoUrl(slug, listing.id, photo.id, 'card')} alt={photo.altText} />
      <p className="small">{photo.altText}</p>
      <ErrorAlert error={remove.error} />
      {!isClosed && (
        <Button
          className="button button--secondary button--small"
          onPress={() => {
            if (!remove.isPending) remove.mutate();
          }}
        >
          <FormattedMessage id="marketplace.photos.remove" values={{ position: photo.position + 1 }} />
        </Button>
      )}
    </li>
  );
}

function AddPhotoForm({ slug, listing }: { slug: string; listing: Listing }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const fileId = useId();
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const { keyFor, renew } = useIdempotencyKey();
  const add = useMutation({
    mutationFn: (body: { contentBase64: string; altText: string }) =>
      marketplaceApi.addPhoto(slug, listing.id, body, keyFor(body)),
    onSuccess: async () => {
      renew();
      setFormKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all(slug) });
      announce(intl.formatMessage({ id: 'marketplace.photos.added' }));
    },
  });
  const { fieldErrors, formError } = placeApiError(add.error, ['altText', 'contentBase64']);
  // The file input is not a React Aria field: its problems (found here or by the server) are shown by hand.
  const fileError = fileProblem ?? fieldErrors.contentBase64 ?? null;
  useFocusFirstInvalid(formRef, add.error);

  return (
    <Form
      key={formKey}
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={async (event) => {
        const form = readForm(event);
        const input = event.currentTarget.elements.namedItem('photo') as HTMLInputElement | null;
        const file = input?.files?.[0];
        if (!file) {
          setFileProblem(intl.formatMessage({ id: 'marketplace.photos.file.missing' }));
          input?.focus();
          return;
        }
        if (!TYPES.includes(file.type)) {
          setFileProblem(intl.formatMessage({ id: 'marketplace.photos.file.type' }));
          input?.focus();
          return;
        }
        if (file.size > MAX_BYTES) {
          setFileProblem(intl.formatMessage({ id: 'marketplace.photos.file.size' }));
          input?.focus();
          return;
        }
        setFileProblem(null);
        add.mutate({ contentBase64: await readBase64(file), altText: form.text('altText').trim() });
      }}
    >
      <h3>
        <FormattedMessage id="marketplace.photos.add" />
      </h3>
      <ErrorAlert error={formError} />
      <div className="field">
        <label className="field__label" htmlFor={fileId}>
          <FormattedMessage id="marketplace.photos.file" />
        </label>
        <p className="field__description" id={`${fileId}-help`}>
          <FormattedMessage id="marketplace.photos.file.help" />
        </p>
        <input
          id={fileId}
          name="photo"
          type="file"
          accept={TYPES.join(',')}
          aria-describedby={`${fileId}-help${fileError ? ` ${fileId}-error` : ''}`}
          aria-invalid={fileError ? true : undefined}
          onChange={() => setFileProblem(null)}
        />
        {fileError && (
          <p className="field__error" id={`${fileId}-error`}>
            {fileError}
          </p>
        )}
      </div>
      <TextField
        name="altText"
        isRequired
        maxLength={200}
        label={<FormattedMessage id="marketplace.photos.altText" />}
        description={<FormattedMessage id="marketplace.photos.altText.help" />}
      />
      <div className="form-actions">
        <SubmitButton isPending={add.isPending}>
          <FormattedMessage id="marketplace.photos.upload" />
        </SubmitButton>
      </div>
    </Form>
  );
}
