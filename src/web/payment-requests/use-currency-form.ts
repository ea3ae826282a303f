/**
 * A form of this area that writes to the currency: one idempotency key per intention (the same
 * key when the same form is sent again after an error), fresh empty fields after a success, every
 * currency view refreshed, the result announced, and a server error placed beside its field with
 * the keyboard taken there.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { currencyKeys } from '../currency/currency-api.ts';
import { useIdempotencyKey } from '../currency/use-idempotency-key.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';

interface Options<Body, Result> {
  readonly slug: string;
  readonly send: (body: Body, idempotencyKey: string) => Promise<Result>;
  /** The request's fields, so a server error about one is shown beside it. */
  readonly fields: readonly string[];
  /** What is read out after a success. */
  readonly done: (result: Result) => string;
}

export function useCurrencyForm<Body, Result>({ slug, send, fields, done }: Options<Body, Result>) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  // A new form after each success: its fields start empty again.
  const [formKey, setFormKey] = useState(0);
  const { keyFor, renew } = useIdempotencyKey();
  const mutation = useMutation({
    mutationFn: (body: Body) => send(body, keyFor(body)),
    onSuccess: async (result) => {
      renew();
      setFormKey((key) => key + 1);
      await queryClient.invalidateQueries({ queryKey: currencyKeys.all(slug) });
      announce(done(result));
    },
  });
  useFocusFirstInvalid(formRef, mutation.error);
  return { mutation, formRef, formKey, ...placeApiError(mutation.error, fields) };
}
