/** Schemas shared by many routes. */
import { Type } from '@sinclair/typebox';
import { LOCALES } from '../../../domain/clusters/catalogue.ts';

export const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' });
export const Password = Type.String({ minLength: 1, maxLength: 200 });
export const DisplayName = Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' });
export const LocaleSchema = Type.Union(LOCALES.map((l) => Type.Literal(l)));
export const Uuid = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
});
export const Token = Type.String({ minLength: 1, maxLength: 100 });
/** A path inside this site to return to (never another site: no scheme, no `//` or `/\\`). */
export const SameSitePath = Type.String({ maxLength: 300, pattern: '^/(?![/\\\\])[^\\s]*$' });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorResponse' },
);

export const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)));
