/**
 * Fills an empty database with the demo clusters, through the same services a coordinator uses,
 * so the demo's audit chains are real ones. People are created directly, already verified.
 */

import { personRepo } from '../accounts/repo.ts';
import { buildServices } from '../app.ts';
import { clusterRepo, roleRepo } from '../clusters/repo.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Viewer } from '../platform/auth/viewer.ts';
import { newId } from '../platform/ids.ts';
import type { Runtime } from '../runtime.ts';
import { seedDemoCurrency } from './currency-demo.ts';
import { DEMO_ADMIN, DEMO_CLUSTERS, DEMO_PASSWORD } from './demo-data.ts';

export interface DemoSignIn {
  readonly email: string;
  readonly cluster: string;
  readonly roles: readonly string[];
}

export async function hasAnyCluster(runtime: Runtime): Promise<boolean> {
  return await clusterRepo.any(runtime.db);
}

export async function seedDemo(runtime: Runtime): Promise<DemoSignIn[]> {
  const { db, clock } = runtime;
  const services = buildServices({ ...runtime, publicUrl: runtime.config.publicUrl, rateLimitScale: 1 });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const signIns: DemoSignIn[] = [];

  const createPerson = async (
    person: { email: string; displayName: string; locale: string },
    isAdmin = false,
  ) => {
    const existing = await personRepo.findByEmail(db, person.email);
    if (existing) return existing.id;
    const id = newId();
    await personRepo.insert(db, {
      id,
      email: person.email,
      email_verified_at: clock(),
      password_hash: passwordHash,
      display_name: person.displayName,
      locale: person.locale,
      is_platform_admin: isAdmin,
      created_at: clock(),
      erased_at: null,
    });
    return id;
  };
  const viewerOf = (
    id: string,
    person: { email: string; displayName: string; locale: Viewer['locale'] },
  ): Viewer => ({
    personId: id,
    sessionId: 'demo-seed',
    displayName: person.displayName,
    email: person.email,
    locale: person.locale,
    isPlatformAdmin: false,
  });

  await createPerson(DEMO_ADMIN, true);
  signIns.push({ email: DEMO_ADMIN.email, cluster: '*', roles: ['platform administrator'] });

  for (const demo of DEMO_CLUSTERS) {
    const [coordinator, ...others] = demo.people;
    if (!coordinator) continue;
    const coordinatorId = await createPerson(coordinator);
    const actor = viewerOf(coordinatorId, coordinator);
    const cluster = await services.clusters.create(actor, demo.profile);
    signIns.push({ email: coordinator.email, cluster: demo.profile.slug, roles: coordinator.roles });

    const organisationIds: string[] = [];
    for (const organisation of demo.organisations) {
      const { history, ...input } = organisation;
      const created = await services.organisations.register(actor, demo.profile.slug, {
        ...input,
        appliedOn: history[0]?.on,
      });
      organisationIds.push(created.id);
      for (const step of history) {
        await services.organisations.transition(actor, demo.profile.slug, created.id, {
          toStatus: step.to,
          effectiveOn: step.on,
          reason: step.reason,
        });
      }
    }

    for (const person of others) {
      const personId = await createPerson(person);
      await db.transaction().execute(async (tx) => {
        for (const role of person.roles) {
          await roleRepo.grant(tx, {
            cluster_id: cluster.id,
            person_id: personId,
            role,
            granted_at: clock(),
            granted_by: coordinatorId,
          });
          await runtime.audit.record(tx, cluster.id, {
            action: 'role.granted',
            isPublic: false,
            payload: { personId, role, by: coordinatorId },
          });
        }
      });
      const organisationId = person.represents === undefined ? undefined : organisationIds[person.represents];
      if (organisationId) {
        await services.organisations.linkRepresentative(actor, demo.profile.slug, organisationId, {
          personId,
          mandate:
            'Mandate of the governing body to represent the organisation and vote in the cluster assembly.',
          startsOn: '2024-01-01',
        });
      }
      signIns.push({ email: person.email, cluster: demo.profile.slug, roles: person.roles });
    }
    signIns.push(...(await seedDemoCurrency(runtime, services, actor, demo.profile.slug, createPerson)));
  }
  return signIns;
}
