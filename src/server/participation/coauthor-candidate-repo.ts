/** SQL for finding the people an author may invite to co-author a proposal. Scoped by cluster. */
import { type Kysely, sql } from 'kysely';
import type { ClusterRole } from '../../domain/clusters/roles.ts';
import type { Database } from '../platform/database.ts';
import { containsText, folded } from '../platform/text-match.ts';

type Q = Kysely<Database>;

export interface CandidateSearch {
  readonly clusterId: string;
  readonly proposalId: string;
  readonly proposerId: string;
  /** A part of the name, already trimmed; matched whatever its case and accents. */
  readonly text: string;
  /** The roles that let a person take part in the process: others could not accept. */
  readonly roles: readonly ClusterRole[];
  readonly limit: number;
}

export const coauthorCandidateRepo = {
  /**
   * People of the cluster whose name contains the text, neither the proposer nor anyone already
   * invited or co-authoring; names that start with the text first, then by name. Only the id and
   * the name leave this query.
   */
  search: (db: Q, search: CandidateSearch) => {
    return db
      .selectFrom('person as p')
      .select(['p.id', 'p.display_name'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('cluster_role as r')
            .select('r.person_id')
            .where('r.cluster_id', '=', search.clusterId)
            .whereRef('r.person_id', '=', 'p.id')
            .where('r.role', 'in', search.roles),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('proposal_coauthor as c')
              .select('c.person_id')
              .where('c.cluster_id', '=', search.clusterId)
              .where('c.proposal_id', '=', search.proposalId)
              .whereRef('c.person_id', '=', 'p.id'),
          ),
        ),
      )
      .where('p.id', '<>', search.proposerId)
      .where('p.erased_at', 'is', null)
      .where(containsText('p.display_name', search.text))
      .orderBy(sql`starts_with(${folded(sql.ref('p.display_name'))}, ${folded(search.text)})`, 'desc')
      .orderBy('p.display_name')
      .orderBy('p.id')
      .limit(search.limit)
      .execute();
  },
};
