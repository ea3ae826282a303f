/** Who is asking: the signed-in person as the services see them, or nobody. */
import type { Locale } from '../../../domain/clusters/catalogue.ts';

export interface Viewer {
  readonly personId: string;
  readonly sessionId: string;
  readonly displayName: string;
  readonly email: string;
  readonly locale: Locale;
  readonly isPlatformAdmin: boolean;
}

/** Services take an actor: a viewer, or null for an anonymous reader. */
export type Actor = Viewer | null;
