/** The participation part of the API: processes, proposals, comments, answers, meetings and results. */
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../clusters/cluster-api.ts';
import { api, apiUrl } from '../platform/api/api-client.ts';

export type PhaseKind = 'information' | 'proposals' | 'deliberation' | 'voting' | 'implementation';
export type ProposalState = 'published' | 'withdrawn' | 'evaluating' | 'accepted' | 'rejected';
export type ProposalSort = 'newest' | 'support' | 'random';
export type Alignment = 'for' | 'against' | 'neutral';
export type Answer = 'evaluating' | 'accepted' | 'rejected';
export type ModerationReason = 'spam' | 'offensive' | 'off_topic' | 'personal_data' | 'other';
export const MODERATION_REASONS: readonly ModerationReason[] = [
  'spam',
  'offensive',
  'off_topic',
  'personal_data',
  'other',
];

export interface Phase {
  readonly id: string;
  readonly kind: PhaseKind;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly isCurrent: boolean;
  readonly allows: {
    readonly propose: boolean;
    readonly support: boolean;
    readonly comment: boolean;
    readonly vote: boolean;
  };
}

export interface ProcessSummary {
  readonly id: string;
  readonly title: string;
  readonly easyReadSummary: string;
  readonly participationLevel: string;
  readonly currentPhase: Phase | null;
  readonly startsAt: string | null;
  readonly endsAt: string | null;
}

export interface Process {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly descriptionHtml: string;
  readonly easyReadSummary: string;
  readonly projectLink: string;
  readonly participationLevel: string;
  readonly whoMayTakePart: 'signed_in' | 'verified';
  readonly supportsPerPerson: number;
  readonly phases: readonly Phase[];
  readonly currentPhase: PhaseKind | null;
  readonly proposalCounts: Readonly<Record<ProposalState, number>>;
  readonly can: {
    readonly manage: boolean;
    readonly takePart: boolean;
    readonly propose: boolean;
    readonly support: boolean;
    readonly comment: boolean;
  };
}

export interface ProposalSummary {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly state: ProposalState;
  readonly supportCount: number;
  readonly commentCount: number;
  readonly publishedAt: string;
  readonly authorName: string;
  readonly hasSupported: boolean;
}

export interface Proposal {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly bodyHtml: string;
  readonly category: string;
  readonly locationText: string;
  readonly estimatedCostCents: number | null;
  readonly state: ProposalState;
  readonly supportCount: number;
  readonly commentCount: number;
  readonly publishedAt: string;
  readonly authors: readonly { readonly id: string; readonly displayName: string }[];
  /** Invitations to co-author still awaiting an answer; shown to the authors only. */
  readonly invitedCoauthors: readonly { readonly id: string; readonly displayName: string }[];
  readonly answer: {
    readonly state: ProposalState;
    readonly reasoning: string;
    readonly inputEffect: string;
    readonly answeredAt: string;
  } | null;
  readonly hidden: { readonly reason: string } | null;
  readonly resultId: string | null;
  /** The budget projects the proposal became (a draft budget's only for coordinators). */
  readonly budgetProjects: readonly TrailBudgetProject[];
  readonly viewer: {
    readonly hasSupported: boolean;
    readonly isFollowing: boolean;
    readonly supportsLeft: number | null;
    readonly isAuthor: boolean;
    readonly isInvitedCoauthor: boolean;
  };
  readonly can: {
    readonly support: boolean;
    readonly comment: boolean;
    readonly answer: boolean;
    readonly withdraw: boolean;
    readonly inviteCoauthor: boolean;
    readonly moderate: boolean;
    readonly edit: boolean;
  };
}

/** A person of the cluster the authors may invite to co-author their proposal. */
export interface CoauthorCandidate {
  readonly personId: string;
  readonly displayName: string;
}

export interface Comment {
  readonly id: string;
  readonly parentId: string | null;
  readonly depth: number;
  readonly authorName: string;
  readonly body: string;
  readonly alignment: Alignment;
  readonly createdAt: string;
  readonly hidden: { readonly reason: string } | null;
}

export interface SimilarProposal {
  readonly id: string;
  readonly title: string;
  readonly state: ProposalState;
  readonly supportCount: number;
}

export interface Meeting {
  readonly id: string;
  readonly title: string;
  readonly format: 'in_person' | 'online' | 'hybrid';
  readonly address: string;
  readonly onlineUrl: string;
  readonly agenda: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly capacity: number | null;
  readonly registeredCount: number;
  readonly placesLeft: number | null;
  readonly minutes: string;
  readonly attendeeCount: number | null;
}

export interface MeetingPage extends Meeting {
  readonly waitingCount: number;
  readonly proposals: readonly { readonly id: string; readonly title: string }[];
  readonly viewer: {
    readonly registration: 'registered' | 'waiting' | null;
    readonly waitingPosition: number | null;
  };
  readonly can: { readonly register: boolean; readonly cancel: boolean; readonly manage: boolean };
}

export interface Result {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly easyReadSummary: string;
  readonly sourceKind: 'proposal' | 'budget_project';
  readonly sourceId: string;
  readonly status: 'planned' | 'in_progress' | 'completed' | 'cancelled';
  readonly progressPercent: number;
}

/** A result's state as the trail from an idea shows it. */
export interface TrailResult {
  readonly id: string;
  readonly status: Result['status'];
  readonly progressPercent: number;
}

/** A budget project that came from a proposal, and how the vote treated it. */
export interface TrailBudgetProject {
  readonly budgetId: string;
  readonly budgetName: string;
  readonly projectId: string;
  readonly title: string;
  readonly costMinor: number;
  readonly currency: string;
  readonly standing: 'draft' | 'voting' | 'counting' | 'funded' | 'not_funded';
  readonly result: TrailResult | null;
}

/** What came of one answered idea. */
export interface TrailItem {
  readonly proposal: { readonly id: string; readonly title: string; readonly category: string };
  readonly answer: {
    readonly state: ProposalState;
    readonly reasoningExcerpt: string;
    readonly answeredAt: string;
  };
  readonly result: TrailResult | null;
  readonly budgetProjects: readonly TrailBudgetProject[];
}

export interface ResultPage extends Result {
  readonly timeline: readonly {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    readonly happenedOn: string;
    readonly evidenceText: string;
    readonly evidenceUrl: string;
    readonly status: Result['status'];
    readonly progressPercent: number;
  }[];
  readonly viewer: { readonly isFollowing: boolean };
  readonly can: { readonly manage: boolean };
}

export interface MilestoneInput {
  readonly title: string;
  readonly description: string;
  readonly happenedOn: string;
  readonly evidenceText: string;
  readonly evidenceUrl: string;
  readonly status: Result['status'];
  readonly progressPercent: number;
}

export type QuestionKind = 'single_choice' | 'multiple_choice' | 'scale' | 'short_text' | 'long_text';

export interface Question {
  readonly id: string;
  readonly kind: QuestionKind;
  readonly prompt: string;
  readonly options: readonly string[];
  readonly scaleMin: number | null;
  readonly scaleMax: number | null;
  readonly isRequired: boolean;
}

export interface SurveySummary {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly isAnonymous: boolean;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly isOpen: boolean;
  readonly responseCount: number;
}

export interface Survey extends SurveySummary {
  readonly questions: readonly Question[];
  readonly viewer: { readonly hasAnswered: boolean };
  readonly can: { readonly manage: boolean };
}

export interface SurveyResults {
  readonly responseCount: number;
  readonly questions: readonly (Question & {
    readonly answered: number;
    readonly counts: readonly number[];
  })[];
}

export interface SurveyAnswer {
  readonly questionId: string;
  readonly choices?: readonly number[];
  readonly value?: number;
  readonly text?: string;
}

export interface SurveyInput {
  readonly title: string;
  readonly description: string;
  readonly isAnonymous: boolean;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly questions: readonly {
    readonly kind: QuestionKind;
    readonly prompt: string;
    readonly options: readonly string[];
    readonly scaleMin?: number;
    readonly scaleMax?: number;
    readonly isRequired: boolean;
  }[];
}

export interface ProposalInput {
  readonly title: string;
  readonly body: string;
  readonly category: string;
  readonly locationText: string;
  readonly estimatedCostCents: number | null;
}

export interface ProposalFilter {
  readonly sort: ProposalSort;
  readonly seed?: number;
  readonly category?: string;
  readonly state?: ProposalState;
}

const enc = encodeURIComponent;
const processPath = (slug: string, processId: string) => `/clusters/${enc(slug)}/processes/${enc(processId)}`;
const proposalPath = (slug: string, processId: string, proposalId: string) =>
  `${processPath(slug, processId)}/proposals/${enc(proposalId)}`;
const PAGE_SIZE = 20;

export const participationKeys = {
  /** Everything participation shows of the cluster: invalidated after every write. */
  all: (slug: string) => ['participation', slug] as const,
  processes: (slug: string) => ['participation', slug, 'processes'] as const,
  process: (slug: string, processId: string) => ['participation', slug, 'process', processId] as const,
  proposals: (slug: string, processId: string, filter: ProposalFilter) =>
    ['participation', slug, 'proposals', processId, filter] as const,
  proposal: (slug: string, proposalId: string) => ['participation', slug, 'proposal', proposalId] as const,
  comments: (slug: string, proposalId: string) => ['participation', slug, 'comments', proposalId] as const,
  similar: (slug: string, processId: string, title: string) =>
    ['participation', slug, 'similar', processId, title] as const,
  survey: (slug: string, surveyId: string) => ['participation', slug, 'survey', surveyId] as const,
  surveyResults: (slug: string, surveyId: string) =>
    ['participation', slug, 'survey-results', surveyId] as const,
  list: (
    slug: string,
    processId: string,
    what: 'meetings' | 'results' | 'categories' | 'surveys' | 'trail',
  ) => ['participation', slug, what, processId] as const,
  meeting: (slug: string, meetingId: string) => ['participation', slug, 'meeting', meetingId] as const,
  result: (slug: string, resultId: string) => ['participation', slug, 'result', resultId] as const,
};

/** Refetches everything participation shows of the cluster, after a write. */
export function useParticipationRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
}

function usePaged<T>(
  key: readonly unknown[],
  path: string,
  query: Record<string, string | number | undefined> = {},
) {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => api.get<Page<T>>(path, { ...query, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useProcesses = (slug: string) =>
  usePaged<ProcessSummary>(participationKeys.processes(slug), `/clusters/${enc(slug)}/processes`);

export const useProcess = (slug: string, processId: string) =>
  useQuery({
    queryKey: participationKeys.process(slug, processId),
    queryFn: () => api.get<Process>(processPath(slug, processId)),
  });

export const useProposals = (slug: string, processId: string, filter: ProposalFilter) =>
  usePaged<ProposalSummary>(
    participationKeys.proposals(slug, processId, filter),
    `${processPath(slug, processId)}/proposals`,
    { ...filter },
  );

export const useCategories = (slug: string, processId: string) =>
  useQuery({
    queryKey: participationKeys.list(slug, processId, 'categories'),
    queryFn: () => api.get<{ items: string[] }>(`${processPath(slug, processId)}/proposals/categories`),
  });

export const useSimilar = (slug: string, processId: string, title: string) =>
  useQuery({
    queryKey: participationKeys.similar(slug, processId, title),
    enabled: title.trim().length >= 4,
    queryFn: () =>
      api.get<{ items: SimilarProposal[] }>(`${processPath(slug, processId)}/proposals/similar`, { title }),
  });

export const useProposal = (slug: string, processId: string, proposalId: string) =>
  useQuery({
    queryKey: participationKeys.proposal(slug, proposalId),
    queryFn: () => api.get<Proposal>(proposalPath(slug, processId, proposalId)),
  });

/** The server's shortest search for a co-author: fewer letters would list most of the cluster. */
export const COAUTHOR_SEARCH_MIN_LENGTH = 2;

/** People the authors may invite as co-authors, found by a part of their name (up to ten). */
export const useCoauthorCandidates = (slug: string, processId: string, proposalId: string, text: string) =>
  useQuery({
    queryKey: [...participationKeys.proposal(slug, proposalId), 'coauthor-candidates', text],
    queryFn: () =>
      api.get<{ items: CoauthorCandidate[] }>(
        `${proposalPath(slug, processId, proposalId)}/coauthor-candidates`,
        { q: text },
      ),
    enabled: [...text].length >= COAUTHOR_SEARCH_MIN_LENGTH,
  });

export const useComments = (slug: string, processId: string, proposalId: string) =>
  usePaged<Comment>(
    participationKeys.comments(slug, proposalId),
    `${proposalPath(slug, processId, proposalId)}/comments`,
  );

export const useMeetings = (slug: string, processId: string) =>
  usePaged<Meeting>(
    participationKeys.list(slug, processId, 'meetings'),
    `${processPath(slug, processId)}/meetings`,
  );

export const useMeeting = (slug: string, processId: string, meetingId: string) =>
  useQuery({
    queryKey: participationKeys.meeting(slug, meetingId),
    queryFn: () => api.get<MeetingPage>(`${processPath(slug, processId)}/meetings/${enc(meetingId)}`),
  });

export const useResults = (slug: string, processId: string) =>
  usePaged<Result>(
    participationKeys.list(slug, processId, 'results'),
    `${processPath(slug, processId)}/results`,
  );

/** The process's answered ideas, newest answer first, each with what came of it. */
export const useTrail = (slug: string, processId: string) =>
  usePaged<TrailItem>(
    participationKeys.list(slug, processId, 'trail'),
    `${processPath(slug, processId)}/trail`,
  );

export const useResult = (slug: string, processId: string, resultId: string) =>
  useQuery({
    queryKey: participationKeys.result(slug, resultId),
    queryFn: () => api.get<ResultPage>(`${processPath(slug, processId)}/results/${enc(resultId)}`),
  });

export const useSurveys = (slug: string, processId: string) =>
  usePaged<SurveySummary>(
    participationKeys.list(slug, processId, 'surveys'),
    `${processPath(slug, processId)}/surveys`,
  );

export const useSurvey = (slug: string, processId: string, surveyId: string) =>
  useQuery({
    queryKey: participationKeys.survey(slug, surveyId),
    queryFn: () => api.get<Survey>(`${processPath(slug, processId)}/surveys/${enc(surveyId)}`),
  });

export const useSurveyResults = (slug: string, processId: string, surveyId: string) =>
  useQuery({
    queryKey: participationKeys.surveyResults(slug, surveyId),
    queryFn: () => api.get<SurveyResults>(`${processPath(slug, processId)}/surveys/${enc(surveyId)}/results`),
  });

export const surveyCsvUrl = (slug: string, processId: string, surveyId: string) =>
  apiUrl(`${processPath(slug, processId)}/surveys/${enc(surveyId)}/responses.csv`);

export const calendarUrl = (slug: string, processId: string, meetingId?: string) =>
  apiUrl(
    meetingId
      ? `${processPath(slug, processId)}/meetings/${enc(meetingId)}/calendar.ics`
      : `${processPath(slug, processId)}/meetings.ics`,
  );

export interface MeetingInput {
  readonly title: string;
  readonly format: Meeting['format'];
  readonly address: string;
  readonly onlineUrl: string;
  readonly agenda: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly capacity: number | null;
}

export interface ProcessInput {
  readonly title: string;
  readonly description: string;
  readonly easyReadSummary: string;
  readonly projectLink: string;
  readonly participationLevel: string;
  readonly whoMayTakePart: string;
  readonly supportsPerPerson: number;
  readonly phases: readonly {
    readonly kind: PhaseKind;
    readonly startsAt: string;
    readonly endsAt: string;
  }[];
}

export const participationApi = {
  /** The fields and the plan of phases, saved together or not at all. */
  editProcess: (slug: string, processId: string, input: ProcessInput) =>
    api.patch<Process>(processPath(slug, processId), input),
  askSurvey: (slug: string, processId: string, input: SurveyInput) =>
    api.post<Survey>(`${processPath(slug, processId)}/surveys`, input),
  edit: (slug: string, processId: string, proposalId: string, input: ProposalInput) =>
    api.patch<Proposal>(proposalPath(slug, processId, proposalId), input),
  recordMinutes: (
    slug: string,
    processId: string,
    meetingId: string,
    body: { minutes: string; attendeeCount: number; proposalIds: readonly string[] },
  ) => api.post<MeetingPage>(`${processPath(slug, processId)}/meetings/${enc(meetingId)}/minutes`, body),
  planMeeting: (slug: string, processId: string, input: MeetingInput) =>
    api.post<MeetingPage>(`${processPath(slug, processId)}/meetings`, input),
  addMilestone: (slug: string, processId: string, resultId: string, input: MilestoneInput) =>
    api.post<ResultPage>(`${processPath(slug, processId)}/results/${enc(resultId)}/milestones`, input),
  respond: (slug: string, processId: string, surveyId: string, answers: readonly SurveyAnswer[]) =>
    api.post<unknown>(`${processPath(slug, processId)}/surveys/${enc(surveyId)}/responses`, { answers }),
  openProcess: (slug: string, input: ProcessInput) =>
    api.post<Process>(`/clusters/${enc(slug)}/processes`, input),
  propose: (slug: string, processId: string, input: ProposalInput) =>
    api.post<Proposal>(`${processPath(slug, processId)}/proposals`, input),
  support: (slug: string, processId: string, proposalId: string, isSupporting: boolean) =>
    isSupporting
      ? api.put<unknown>(`${proposalPath(slug, processId, proposalId)}/support`)
      : api.delete<unknown>(`${proposalPath(slug, processId, proposalId)}/support`),
  follow: (slug: string, processId: string, proposalId: string, isFollowing: boolean) =>
    isFollowing
      ? api.put<unknown>(`${proposalPath(slug, processId, proposalId)}/follow`)
      : api.delete<unknown>(`${proposalPath(slug, processId, proposalId)}/follow`),
  coauthorship: (slug: string, processId: string, proposalId: string, isAccepting: boolean) =>
    isAccepting
      ? api.post<Proposal>(`${proposalPath(slug, processId, proposalId)}/coauthors/me`)
      : api.delete<Proposal>(`${proposalPath(slug, processId, proposalId)}/coauthors/me`),
  inviteCoauthor: (slug: string, processId: string, proposalId: string, personId: string) =>
    api.post<Proposal>(`${proposalPath(slug, processId, proposalId)}/coauthors`, { personId }),
  withdraw: (slug: string, processId: string, proposalId: string) =>
    api.post<Proposal>(`${proposalPath(slug, processId, proposalId)}/withdraw`),
  answer: (
    slug: string,
    processId: string,
    proposalId: string,
    body: { answer: Answer; reasoning: string; inputEffect: string },
  ) => api.post<Proposal>(`${proposalPath(slug, processId, proposalId)}/answer`, body),
  comment: (
    slug: string,
    processId: string,
    proposalId: string,
    body: { body: string; alignment: Alignment; parentId?: string },
  ) => api.post<{ id: string }>(`${proposalPath(slug, processId, proposalId)}/comments`, body),
  report: (
    slug: string,
    processId: string,
    proposalId: string,
    body: { reason: ModerationReason; details: string; commentId?: string },
  ) => api.post<unknown>(`${proposalPath(slug, processId, proposalId)}/reports`, body),
  hide: (
    slug: string,
    processId: string,
    proposalId: string,
    commentId: string | null,
    body: { reason: ModerationReason; note: string },
  ) =>
    api.post<unknown>(
      commentId === null
        ? `${proposalPath(slug, processId, proposalId)}/hide`
        : `${proposalPath(slug, processId, proposalId)}/comments/${enc(commentId)}/hide`,
      body,
    ),
  register: (slug: string, processId: string, meetingId: string, isRegistering: boolean) =>
    isRegistering
      ? api.put<MeetingPage>(`${processPath(slug, processId)}/meetings/${enc(meetingId)}/registration`)
      : api.delete<MeetingPage>(`${processPath(slug, processId)}/meetings/${enc(meetingId)}/registration`),
  followResult: (slug: string, processId: string, resultId: string, isFollowing: boolean) =>
    isFollowing
      ? api.put<unknown>(`${processPath(slug, processId)}/results/${enc(resultId)}/follow`)
      : api.delete<unknown>(`${processPath(slug, processId)}/results/${enc(resultId)}/follow`),
};
