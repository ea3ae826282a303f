/** Builds participation's services from the application's parts. */
import type { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/database.ts';
import type { Mailer } from '../platform/mail.ts';
import { AnswerService } from './answer-service.ts';
import { CoauthorCandidateService } from './coauthor-candidate-service.ts';
import { CommentService } from './comment-service.ts';
import { FollowService } from './follow-service.ts';
import { MeetingService } from './meeting-service.ts';
import { ParticipationNotices } from './notices.ts';
import { NotificationService } from './notification-service.ts';
import { ParticipationAccess } from './participation-access.ts';
import { ProcessService } from './process-service.ts';
import { ProposalService } from './proposal-service.ts';
import { ResultService } from './result-service.ts';
import { SurveyService } from './survey-service.ts';
import { TrailService } from './trail-service.ts';

export interface ParticipationDeps {
  readonly db: Db;
  readonly access: Access;
  readonly audit: AuditLog;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicUrl: string;
}

export function assembleParticipation(deps: ParticipationDeps) {
  const { db, audit, clock } = deps;
  const participation = new ParticipationAccess(db, deps.access, clock);
  const notices = new ParticipationNotices(deps.mailer, clock, deps.publicUrl);
  const proposals = new ProposalService(db, participation, notices);
  /** Budgeting calls `results.createResultFor(tx, clusterId, …)` when a project is funded. */
  const results = new ResultService(db, participation, audit, clock, notices);
  return {
    processes: new ProcessService(db, participation, audit, clock),
    proposals,
    coauthorCandidates: new CoauthorCandidateService(db, participation),
    comments: new CommentService(db, participation, audit, notices),
    answers: new AnswerService(db, participation, audit, notices, proposals, results),
    results,
    trail: new TrailService(db, participation),
    follows: new FollowService(db, participation),
    surveys: new SurveyService(db, participation, audit),
    meetings: new MeetingService(db, participation, audit, notices, new URL(deps.publicUrl).host),
    participationNotifications: new NotificationService(db, deps.access, clock),
  };
}
export type ParticipationServices = ReturnType<typeof assembleParticipation>;
