/** Every address of the web app, built in one place so links and routes cannot drift apart. */
const segment = encodeURIComponent;

export const paths = {
  home: () => '/',
  signUp: (next?: string) => (next ? `/sign-up?next=${segment(next)}` : '/sign-up'),
  checkYourMail: () => '/check-your-mail',
  verifyEmail: () => '/verify-email',
  signIn: (next?: string) => (next ? `/sign-in?next=${segment(next)}` : '/sign-in'),
  forgotPassword: () => '/forgot-password',
  resetPassword: () => '/reset-password',
  account: () => '/account',
  newCluster: () => '/clusters/new',
  cluster: (slug: string) => `/clusters/${segment(slug)}`,
  clusterSettings: (slug: string) => `/clusters/${segment(slug)}/settings`,
  members: (slug: string) => `/clusters/${segment(slug)}/members`,
  newOrganisation: (slug: string) => `/clusters/${segment(slug)}/organisations/new`,
  organisation: (slug: string, organisationId: string) =>
    `/clusters/${segment(slug)}/organisations/${segment(organisationId)}`,
  people: (slug: string) => `/clusters/${segment(slug)}/people`,
  transparency: (slug: string) => `/clusters/${segment(slug)}/transparency`,
  marketplace: (slug: string) => `/clusters/${segment(slug)}/marketplace`,
  listing: (slug: string, listingId: string) =>
    `/clusters/${segment(slug)}/marketplace/listings/${segment(listingId)}`,
  newListing: (slug: string) => `/clusters/${segment(slug)}/marketplace/listings/new`,
  editListing: (slug: string, listingId: string) =>
    `/clusters/${segment(slug)}/marketplace/listings/${segment(listingId)}/edit`,
  myListings: (slug: string) => `/clusters/${segment(slug)}/marketplace/mine`,
  marketplaceOrders: (slug: string) => `/clusters/${segment(slug)}/marketplace/orders`,
  currency: (slug: string) => `/clusters/${segment(slug)}/currency`,
  currencySettings: (slug: string) => `/clusters/${segment(slug)}/currency/settings`,
  currencyAccounts: (slug: string) => `/clusters/${segment(slug)}/currency/accounts`,
  /** A wallet; the pages of one account (pay, requests, recurring payments) live under it. */
  wallet: (slug: string, accountId: string) => `/clusters/${segment(slug)}/currency/${segment(accountId)}`,
  pay: (slug: string, accountId: string) => `/clusters/${segment(slug)}/currency/${segment(accountId)}/pay`,
  paymentRequests: (slug: string, accountId: string) =>
    `/clusters/${segment(slug)}/currency/${segment(accountId)}/requests`,
  recurringPayments: (slug: string, accountId: string) =>
    `/clusters/${segment(slug)}/currency/${segment(accountId)}/recurring`,
  clearing: (slug: string) => `/clusters/${segment(slug)}/clearing`,
  clearingInvoices: (slug: string) => `/clusters/${segment(slug)}/clearing/invoices`,
  clearingRound: (slug: string, roundId: string) =>
    `/clusters/${segment(slug)}/clearing/rounds/${segment(roundId)}`,
  participation: (slug: string) => `/clusters/${segment(slug)}/participation`,
  participationNotifications: (slug: string) => `/clusters/${segment(slug)}/participation/notifications`,
  participationReports: (slug: string) => `/clusters/${segment(slug)}/participation/reports`,
  newProcess: (slug: string) => `/clusters/${segment(slug)}/participation/processes/new`,
  newMeeting: (slug: string, processId: string) =>
    `/clusters/${segment(slug)}/participation/processes/${segment(processId)}/meetings/new`,
  newSurvey: (slug: string, processId: string) =>
    `/clusters/${segment(slug)}/participation/processes/${segment(processId)}/surveys/new`,
  survey: (slug: string, processId: string, surveyId: string) =>
    `/clusters/${segment(slug)}/participation/processes/${segment(processId)}/surveys/${segment(surveyId)}`,
  process: (slug: string, processId: string) =>
    `/clusters/${segment(slug)}/participation/processes/${segment(processId)}`,
  editProcess: (slug: string, processId: string) =>
    `/clusters/${segment(slug)}/participation/processes/${segment(processId)}/edit`,
  newProposal: (slug: string, processId: string) =>
    `/clusters/${segment(slug)}/participation/processes/${segment(processId)}/proposals/new`,
  proposal: (slug: string, processId: string, proposalId: string) =>
    `/clusters/${segment(slug)}/participation/processes/${segment(processId)}/proposals/${segment(proposalId)}`,
  editProposal: (slug: string, processId: string, proposalId: string) =>
    `/clusters/${segment(slug)}/participation/processes/${segment(processId)}/proposals/${segment(proposalId)}/edit`,
  meeting: (slug: string, processId: string, meetingId: string) =>
    `/clusters/${segment(slug)}/participation/processes/${segment(processId)}/meetings/${segment(meetingId)}`,
  result: (slug: string, processId: string, resultId: string) =>
    `/clusters/${segment(slug)}/participation/processes/${segment(processId)}/results/${segment(resultId)}`,
  budgets: (slug: string) => `/clusters/${segment(slug)}/budgets`,
  budget: (slug: string, budgetId: string) => `/clusters/${segment(slug)}/budgets/${segment(budgetId)}`,
  budgetResults: (slug: string, budgetId: string) =>
    `/clusters/${segment(slug)}/budgets/${segment(budgetId)}/results`,
  invitation: (token: string) => `/invitations/${segment(token)}`,
  outbox: () => '/admin/outbox',
} as const;

/** Only paths inside this app may follow sign-in (no open redirect to another site). */
export function safeNextPath(next: string | undefined): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}
