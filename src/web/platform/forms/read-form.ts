/** The values of a submitted form, read the way the browser would send them. */
import type { FormEvent } from 'react';

export interface FormValues {
  text(name: string): string;
  all(name: string): string[];
}

export function readForm(event: FormEvent<HTMLFormElement>): FormValues {
  event.preventDefault();
  const data = new FormData(event.currentTarget);
  return {
    text: (name) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    },
    all: (name) => data.getAll(name).filter((value): value is string => typeof value === 'string'),
  };
}
