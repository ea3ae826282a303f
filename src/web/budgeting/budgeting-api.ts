/** The participatory-budgeting part of the API: budgets, projects, ballots, codes, results, Pabulib files. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../clusters/cluster-api.ts';
import { api, apiUrl, csrfToken } from '../platform/api/api-client.ts';
import { ApiError } from '../platform/api/api-error.ts';

export type RuleName =
  | 'greedy'
  | 'greedy-no-skip'
  | 'greedy-threshold'
  | 'mes'
  | 'mes-add1'
  | 'mes-add1-utilitarian'
  | 'mes-add1-comparison';
export const RULE_NAMES: readonly RuleName[] = [
  'mes-add1',
  'mes-add1-utilitarian',
  'mes-add1-comparison',
  'mes',
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
];

export type BudgetStatus = 'draft' | 'open' | 'closed' | 'published';
export type VotingStanding =
  | 'can_vote'
  | 'not_open_yet'
  | 'closed'
  | 'sign_in'
  | 'codes_only'
  | 'no_role'
  | 'email_unverified';

export interface BallotRules {
  readonly type: 'approval' | 'cumulative';
  readonly minProjects: number;
  readonly maxProjects: number | null;
  readonly maxTotalCostMinor: number | null;
  readonly pointsPerVoter: number | null;
  readonly maxPointsPerProject: number | null;
}

export interface Budget {
  readonly id: string;
  /** The participatory process the budget belongs to, when there is one. */
  readonly processId: string | null;
  readonly name: string;
  readonly description: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly rule: RuleName;
  readonly scoreThreshold: string | null;
  readonly ballot: BallotRules;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly isMemberVoting: boolean;
  readonly isCodeVoting: boolean;
  readonly status: BudgetStatus;
  readonly isVotingOpen: boolean;
  readonly isImported: boolean;
}

export interface BudgetPage extends Budget {
  readonly projectCount: number;
  readonly ballotCount: number;
  readonly codes: { readonly issued: number; readonly used: number } | null;
  readonly voting: VotingStanding;
  readonly can: { readonly manage: boolean; readonly assist: boolean };
}

export interface Project {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly costMinor: number;
  readonly category: string;
  /** The accepted proposal the project came from, when it did. */
  readonly sourceProposalId: string | null;
}

export interface ProjectInput {
  readonly title: string;
  readonly costMinor: number;
  readonly category: string;
  readonly description: string;
  readonly sourceProposalId?: string | null;
}

/** An accepted proposal of the budget's process that is not yet one of its projects. */
export interface ProposalCandidate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly estimatedCostMinor: number | null;
}

export interface Choice {
  readonly projectId: string;
  readonly points: number;
}

export interface Money {
  readonly minorUnits: string;
}

export type Reason =
  | {
      readonly status: 'funded';
      readonly by: 'greedy';
      readonly position: number;
      readonly remainingBefore: Money;
    }
  | {
      readonly status: 'funded';
      readonly by: 'equal-shares';
      readonly round: number;
      readonly paymentPerSupporter: Money;
      readonly paidAllTheyHad: number;
    }
  | { readonly status: 'funded'; readonly by: 'utilitarian-fill'; readonly remainingBefore: Money }
  | { readonly status: 'not_funded'; readonly reason: 'no_support' }
  | { readonly status: 'not_funded'; readonly reason: 'below_threshold'; readonly threshold: string }
  | { readonly status: 'not_funded'; readonly reason: 'did_not_fit'; readonly remainingBudget: Money }
  | { readonly status: 'not_funded'; readonly reason: 'greedy_stopped'; readonly stoppedAtProjectId: string }
  | {
      readonly status: 'not_funded';
      readonly reason: 'supporters_cannot_afford';
      readonly supportersMoney: Money;
      readonly shortfall: Money;
    };

export interface ProjectResult {
  readonly projectId: string;
  readonly title: string;
  readonly category: string;
  readonly costMinor: number;
  readonly supporterCount: number;
  readonly score: string;
  readonly isSelected: boolean;
  readonly isSelectedByGreedy: boolean;
  readonly fundedPosition: number | null;
  readonly reason: Reason;
}

export interface Results {
  readonly rule: RuleName;
  readonly isPreview: boolean;
  readonly computedAt: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly spentMinor: number;
  readonly leftoverMinor: number;
  readonly voterCount: number;
  readonly votersWithFundedProject: number;
  readonly shareOfVotersWithFundedProject: number;
  readonly comparisonStep: { prefersEqualShares: number; prefersGreedy: number; adopted: string } | null;
  readonly selectedProjectIds: readonly string[];
  readonly onlyThisRule: readonly string[];
  readonly onlyGreedy: readonly string[];
  readonly greedy: {
    readonly selectedProjectIds: readonly string[];
    readonly spentMinor: number;
    readonly votersWithFundedProject: number;
    readonly shareOfVotersWithFundedProject: number;
  };
  readonly projects: readonly ProjectResult[];
}

export interface BudgetInput {
  readonly name: string;
  readonly description: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly rule: RuleName;
  readonly scoreThreshold: string | null;
  readonly ballotType: 'approval' | 'cumulative';
  readonly minProjects: number;
  readonly maxProjects: number | null;
  readonly maxTotalCostMinor: number | null;
  readonly pointsPerVoter: number | null;
  readonly maxPointsPerProject: number | null;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly isMemberVoting: boolean;
  readonly isCodeVoting: boolean;
  readonly processId: string | null;
}

const enc = encodeURIComponent;
const base = (slug: string) => `/clusters/${enc(slug)}/budgets`;
const one = (slug: string, budgetId: string) => `${base(slug)}/${enc(budgetId)}`;

export const budgetKeys = {
  all: (slug: string) => ['budgets', slug] as const,
  one: (slug: string, budgetId: string) => ['budgets', slug, budgetId] as const,
};

/** The cluster's budgets, or those of one participatory process. */
export function useBudgets(slug: string, processId?: string) {
  return useInfiniteQuery({
    queryKey: [...budgetKeys.all(slug), 'list', processId ?? null],
    queryFn: ({ pageParam }) =>
      api.get<Page<Budget>>(base(slug), { cursor: pageParam, limit: 20, processId }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useBudget(slug: string, budgetId: string) {
  return useQuery({
    queryKey: budgetKeys.one(slug, budgetId),
    queryFn: () => api.get<BudgetPage>(one(slug, budgetId)),
  });
}

/** Every project: the ballot needs them all at once (a budget holds at most 1,000). */
async function allProjects(slug: string, budgetId: string): Promise<Project[]> {
  const projects: Project[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<Project>>(`${one(slug, budgetId)}/projects`, { cursor, limit: 100 });
    projects.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return projects;
}

export function useProjects(slug: string, budgetId: string) {
  return useQuery({
    queryKey: [...budgetKeys.one(slug, budgetId), 'projects'],
    queryFn: () => allProjects(slug, budgetId),
  });
}

/** Accepted proposals whose title holds the text, for a coordinator to turn into a project. */
export function useProposalCandidates(slug: string, budgetId: string, q: string) {
  return useQuery({
    queryKey: [...budgetKeys.one(slug, budgetId), 'candidates', q],
    queryFn: () =>
      api.get<Page<ProposalCandidate>>(`${one(slug, budgetId)}/proposal-candidates`, { q, limit: 20 }),
    placeholderData: keepPreviousData,
  });
}

export function useMyBallot(slug: string, budgetId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: [...budgetKeys.one(slug, budgetId), 'ballot'],
    queryFn: () => api.get<{ ballot: { choices: Choice[] } | null }>(`${one(slug, budgetId)}/ballot`),
    enabled: isEnabled,
  });
}

export function useResults(slug: string, budgetId: string, kind: 'published' | 'preview') {
  return useQuery({
    queryKey: [...budgetKeys.one(slug, budgetId), 'results', kind],
    queryFn: () => api.get<Results>(`${one(slug, budgetId)}/results${kind === 'preview' ? '/preview' : ''}`),
    retry: false,
  });
}

export const budgetingApi = {
  create: (slug: string, input: BudgetInput) => api.post<BudgetPage>(base(slug), input),
  update: (slug: string, budgetId: string, input: BudgetInput) =>
    api.patch<BudgetPage>(one(slug, budgetId), input),
  addProject: (slug: string, budgetId: string, input: ProjectInput) =>
    api.post<Project>(`${one(slug, budgetId)}/projects`, input),
  updateProject: (slug: string, budgetId: string, projectId: string, input: ProjectInput) =>
    api.patch<Project>(`${one(slug, budgetId)}/projects/${enc(projectId)}`, input),
  removeProject: (slug: string, budgetId: string, projectId: string) =>
    api.delete<void>(`${one(slug, budgetId)}/projects/${enc(projectId)}`),
  open: (slug: string, budgetId: string) => api.post<BudgetPage>(`${one(slug, budgetId)}/open`),
  close: (slug: string, budgetId: string) => api.post<BudgetPage>(`${one(slug, budgetId)}/close`),
  publish: (slug: string, budgetId: string) => api.post<Results>(`${one(slug, budgetId)}/results`),
  vote: (slug: string, budgetId: string, choices: readonly Choice[]) =>
    api.put<{ ballot: { choices: Choice[] } }>(`${one(slug, budgetId)}/ballot`, { choices }),
  voteWithCode: (slug: string, budgetId: string, code: string, choices: readonly Choice[]) =>
    api.post<void>(`${one(slug, budgetId)}/code-ballots`, { code, choices }),
  generateCodes: (slug: string, budgetId: string, count: number) =>
    api.post<{ codes: string[] }>(`${one(slug, budgetId)}/voting-codes`, { count }),
  exportUrl: (slug: string, budgetId: string) => apiUrl(`${one(slug, budgetId)}/pabulib`),
  /** The file goes as plain text; a refusal carries the line at fault. */
  async importPb(slug: string, budgetId: string, text: string) {
    const response = await fetch(apiUrl(`${one(slug, budgetId)}/pabulib`), {
      method: 'POST',
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'x-kopa-csrf': await csrfToken(),
        accept: 'application/json',
      },
      credentials: 'same-origin',
      body: text,
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = body?.error ?? {};
      throw new ApiError(
        response.status,
        error.code ?? 'http.unexpected',
        error.message ?? '',
        error.field,
        body,
      );
    }
    return body as { projectCount: number; ballotCount: number };
  },
};

/** The line a refused file names, when the error is one. */
export const lineOf = (error: unknown): number | null =>
  error instanceof ApiError && typeof (error.body as { line?: unknown })?.line === 'number'
    ? ((error.body as { line: number }).line as number)
    : null;
