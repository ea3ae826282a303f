/**
 * Who is looking at the clearing: a coordinator sees and runs everything; a representative sees
 * the invoices, rounds and figures of the organisations they hold an active mandate for today.
 */

import type { Idempotency } from '../currency/idempotency.ts';
import { Access, type ClusterAccess } from '../platform/access.ts';
import type { Actor, Viewer } from '../platform/auth/viewer.ts';
import { type Clock, isoDay } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/database.ts';
import { organisationRepo } from './repo.ts';

export interface ClearingViewer {
  readonly access: ClusterAccess & { actor: Viewer };
  readonly clusterId: string;
  readonly personId: string;
  /** May import invoices, run, apply and cancel rounds, and sees every member's figures. */
  readonly isCoordinator: boolean;
  readonly ownOrganisations: readonly { id: string; name: string; membership_status: string }[];
}

export async function clearingViewer(
  access: Access,
  db: Db,
  clock: Clock,
  actor: Actor,
  slug: string,
  action: 'clearing.record_invoice' | 'clearing.manage' = 'clearing.record_invoice',
): Promise<ClearingViewer> {
  const cluster = await access.require(actor, slug, action);
  return {
    access: cluster,
    clusterId: cluster.cluster.id,
    personId: cluster.actor.personId,
    isCoordinator: Access.can(cluster, 'clearing.manage'),
    ownOrganisations: await organisationRepo.actingFor(
      db,
      cluster.cluster.id,
      cluster.actor.personId,
      isoDay(clock()),
    ),
  };
}

export const actsFor = (viewer: ClearingViewer, organisationId: string) =>
  viewer.ownOrganisations.some((organisation) => organisation.id === organisationId);

/** The organisations whose invoices the viewer may see; null for all of them. */
export const visibleOrganisations = (viewer: ClearingViewer): string[] | null =>
  viewer.isCoordinator ? null : viewer.ownOrganisations.map((organisation) => organisation.id);

/** An idempotent write in the viewer's name: the Idempotency-Key rules of the ledger's writes. */
export function writeAs<T>(
  writes: Idempotency,
  viewer: ClearingViewer,
  idempotencyKey: string | undefined,
  operation: string,
  body: unknown,
  work: (tx: Tx) => Promise<T>,
) {
  return writes.run(
    { clusterId: viewer.clusterId, personId: viewer.personId, key: idempotencyKey, operation, body },
    work,
  );
}
