/**
 * Fills an empty database with many clusters, organisations and people for the benchmarks, in a
 * few set-based statements (INSERT … SELECT over unnest of id arrays) instead of one service call
 * per row: 50 × 200 × 500 takes seconds, not minutes. Ids are UUID v7 generated here, as the
 * application generates them. Nothing goes through the services, so the seeded clusters have no
 * audit events (an empty chain, which `kopa audit verify` accepts).
 */
import { sql } from 'kysely';
import { LEGAL_FORMS, SECTORS } from '../src/domain/clusters/catalogue.ts';
import type { Db } from '../src/server/platform/database.ts';
import { newId } from '../src/server/platform/ids.ts';

export interface SeedScale {
  readonly clusterCount: number;
  readonly organisationsPerCluster: number;
  readonly peoplePerCluster: number;
}

export const FULL_SCALE: SeedScale = {
  clusterCount: 50,
  organisationsPerCluster: 200,
  peoplePerCluster: 500,
};
export const QUICK_SCALE: SeedScale = {
  clusterCount: 10,
  organisationsPerCluster: 60,
  peoplePerCluster: 100,
};

export interface SeededCluster {
  readonly id: string;
  readonly slug: string;
}

export interface SeedResult {
  readonly clusters: readonly SeededCluster[];
  readonly organisationCount: number;
  readonly personCount: number;
  readonly roleCount: number;
  readonly elapsedMs: number;
}

/** Slugs of the seeded clusters: `bench-001`, `bench-002`, … */
export const benchSlug = (index: number) => `bench-${String(index + 1).padStart(3, '0')}`;

const ids = (count: number) => Array.from({ length: count }, () => newId());
/** The same cluster id repeated for each of its rows, so it can be unnested beside the row ids. */
const repeatEach = (values: readonly string[], times: number) =>
  values.flatMap((value) => Array(times).fill(value));

const COUNTRIES = ['LV', 'IT', 'FR', 'ES', 'PT', 'DE', 'BE', 'PL'];
// Name parts, so the directory's order by name is not the order of insertion.
const NAME_KINDS = [
  'Kooperatīvs',
  'Cooperativa',
  'Association',
  'Fondazione',
  'Biedrība',
  'Atelier',
  'Impresa sociale',
  'Université',
  'Chambre',
  'Laboratorio',
  'Darbnīca',
  'Collectif',
];
const NAME_PLACES = [
  'Lūznava',
  'Rēzekne',
  'Messina',
  'Roccavaldina',
  'Landes',
  'Mont-de-Marsan',
  'Latgale',
  'Peloro',
];

export async function seedAtScale(db: Db, scale: SeedScale): Promise<SeedResult> {
  const startedAt = performance.now();
  const { clusterCount, organisationsPerCluster: orgsPer, peoplePerCluster: peoplePer } = scale;
  const clusterIds = ids(clusterCount);
  const clusterSlugs = clusterIds.map((_, index) => benchSlug(index));

  await db.transaction().execute(async (tx) => {
    await sql`
      INSERT INTO cluster (id, slug, name, country, region, languages, default_locale, cluster_type,
                           description, visibility, created_at, updated_at)
      SELECT c.id, c.slug, 'Benchmark cluster ' || c.n,
             (${COUNTRIES}::text[])[1 + (c.n % ${COUNTRIES.length})], 'Region ' || (c.n % 7),
             ARRAY['en', 'lv', 'fr', 'it'], 'en',
             CASE WHEN c.n % 5 = 0 THEN 'sectoral' ELSE 'spatial' END,
             repeat('A cluster seeded for the API benchmark. ', 10), 'public', now(), now()
      FROM unnest(${clusterIds}::uuid[], ${clusterSlugs}::text[]) WITH ORDINALITY AS c(id, slug, n)
    `.execute(tx);

    // i is the organisation's number within its cluster (0-based); one in eight is an applicant.
    await sql`
      INSERT INTO organisation (cluster_id, id, name, legal_form, sector, country, website, description,
                                vote_weight, membership_status, member_since, created_at, updated_at)
      SELECT o.cluster_id, o.id,
             (${NAME_KINDS}::text[])[1 + (o.i * 7) % ${NAME_KINDS.length}] || ' '
               || (${NAME_PLACES}::text[])[1 + (o.i * 5 + o.i / 13) % ${NAME_PLACES.length}] || ' ' || o.i,
             (${LEGAL_FORMS}::text[])[1 + o.i % ${LEGAL_FORMS.length}],
             (${SECTORS}::text[])[1 + o.i % ${SECTORS.length}],
             c.country, 'https://example.org/' || o.i, 'An organisation seeded for the benchmark.',
             1 + o.i % 3,
             CASE WHEN o.i % 8 = 0 THEN 'applicant' ELSE 'active' END,
             CASE WHEN o.i % 8 = 0 THEN NULL ELSE date '2020-01-01' + (o.i % 1500) END,
             now(), now()
      FROM (
        SELECT cluster_id, id, ((n - 1) % ${orgsPer})::int AS i
        FROM unnest(${repeatEach(clusterIds, orgsPer)}::uuid[], ${ids(clusterCount * orgsPer)}::uuid[])
             WITH ORDINALITY AS u(cluster_id, id, n)
      ) o
      JOIN cluster c ON c.id = o.cluster_id
    `.execute(tx);

    const personIds = ids(clusterCount * peoplePer);
    await sql`
      INSERT INTO person (id, email, email_verified_at, password_hash, display_name, locale, created_at)
      SELECT p.id, 'person-' || p.n || '@bench.kopa.example', now(), NULL,
             'Person ' || p.n, (ARRAY['lv', 'en', 'fr', 'it'])[1 + p.n % 4], now()
      FROM unnest(${personIds}::uuid[]) WITH ORDINALITY AS p(id, n)
    `.execute(tx);

    // One role each: two coordinators per cluster, then representatives, mediators, observers, participants.
    await sql`
      INSERT INTO cluster_role (cluster_id, person_id, role, granted_at, granted_by)
      SELECT r.cluster_id, r.person_id,
             CASE WHEN r.i < 2 THEN 'coordinator'
                  WHEN r.i % 4 = 1 THEN 'representative'
                  WHEN r.i % 50 = 3 THEN 'mediator'
                  WHEN r.i % 20 = 7 THEN 'observer'
                  ELSE 'participant' END,
             now(), NULL
      FROM (
        SELECT cluster_id, person_id, ((n - 1) % ${peoplePer})::int AS i
        FROM unnest(${repeatEach(clusterIds, peoplePer)}::uuid[], ${personIds}::uuid[])
             WITH ORDINALITY AS u(cluster_id, person_id, n)
      ) r
    `.execute(tx);
  });
  // A settled database, as autovacuum leaves it: fresh statistics for the planner, and a visibility
  // map that lets index-only scans skip the table.
  await sql`VACUUM ANALYZE cluster, organisation, person, cluster_role`.execute(db);

  return {
    clusters: clusterIds.map((id, index) => ({ id, slug: clusterSlugs[index] as string })),
    organisationCount: clusterCount * orgsPer,
    personCount: clusterCount * peoplePer,
    roleCount: clusterCount * peoplePer,
    elapsedMs: performance.now() - startedAt,
  };
}
