/** Request schemas shared by participation's routes. */
import { Type } from '@sinclair/typebox';
import { Uuid } from '../platform/http/schemas.ts';

export const Slug = Type.String({ minLength: 1, maxLength: 48 });
export const SlugParams = Type.Object({ slug: Slug });
export const ProcessParams = Type.Object({ slug: Slug, processId: Uuid });
export const ProposalParams = Type.Object({ slug: Slug, processId: Uuid, proposalId: Uuid });

/** An instant with its offset, as `2026-05-01T09:00:00Z` or `2026-05-01T11:00+02:00`. */
export const IsoInstant = Type.String({
  maxLength: 35,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2})$',
});

/** A web address people may follow: http or https only. */
export const WebUrl = Type.String({ maxLength: 500, pattern: '^(https?://\\S+)?$' });

/** Free text with at least one visible character. */
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
