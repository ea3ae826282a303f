/** Following a proposal's thread or a result's timeline, to be told in the app and by mail when it moves. */
import type { Actor } from '../platform/auth/viewer.ts';
import type { Db } from '../platform/database.ts';
import { notFound, unauthenticated } from '../platform/errors.ts';
import { type Followed, followerRepo } from './follower-repo.ts';
import type { ParticipationAccess } from './participation-access.ts';
import { proposalRepo } from './proposal-repo.ts';
import { resultRepo } from './result-repo.ts';

export class FollowService {
  constructor(
    private readonly db: Db,
    private readonly participation: ParticipationAccess,
  ) {}

  /** Anyone signed in who can read the thing may follow it. */
  async set(actor: Actor, slug: string, processId: string, target: Followed, isFollowing: boolean) {
    if (!actor) throw unauthenticated();
    const context = await this.participation.read(actor, slug, processId);
    const exists =
      target.kind === 'proposal'
        ? await proposalRepo.find(this.db, context.clusterId, processId, target.id)
        : await resultRepo.find(this.db, context.clusterId, processId, target.id);
    if (!exists) {
      throw notFound(
        target.kind === 'proposal' ? 'participation.proposal_not_found' : 'participation.result_not_found',
      );
    }
    if (isFollowing)
      await followerRepo.follow(this.db, context.clusterId, target, actor.personId, context.now);
    else await followerRepo.unfollow(this.db, context.clusterId, target, actor.personId);
    return { isFollowing };
  }
}
