/**
 * Every page of the web app and its address. Route components read their params and search
 * values here and hand them to the page as props, so pages do not depend on the router's types.
 */
import { createRootRoute, createRoute, createRouter, Outlet, useLocation } from '@tanstack/react-router';
import { AccountPage } from '../accounts/account-page.tsx';
import { CheckYourMailPage } from '../accounts/check-your-mail-page.tsx';
import { ForgotPasswordPage } from '../accounts/forgot-password-page.tsx';
import { ResetPasswordPage } from '../accounts/reset-password-page.tsx';
import { SignInPage } from '../accounts/sign-in-page.tsx';
import { SignUpPage } from '../accounts/sign-up-page.tsx';
import { VerifyEmailPage } from '../accounts/verify-email-page.tsx';
import { OutboxPage } from '../admin/outbox-page.tsx';
import { BudgetPage } from '../budgeting/budget-page.tsx';
import { BudgetsPage } from '../budgeting/budgets-page.tsx';
import { ResultsPage } from '../budgeting/results-page.tsx';
import { ClearingPage } from '../clearing/clearing-page.tsx';
import { InvoicesPage } from '../clearing/invoices-page.tsx';
import { RoundPage } from '../clearing/round-page.tsx';
import { ClusterFrame } from '../clusters/cluster-frame.tsx';
import { ClusterPage } from '../clusters/cluster-page.tsx';
import { ClusterSettingsPage } from '../clusters/cluster-settings-page.tsx';
import { CreateClusterPage } from '../clusters/create-cluster-page.tsx';
import { CurrencyAccountsPage } from '../currency/accounts-page.tsx';
import { CurrencyPage } from '../currency/currency-page.tsx';
import { CurrencySettingsPage } from '../currency/currency-settings-page.tsx';
import { PayPage } from '../currency/pay-page.tsx';
import { WalletPage } from '../currency/wallet-page.tsx';
import { EditListingPage } from '../marketplace/edit-listing-page.tsx';
import { ListingPage } from '../marketplace/listing-page.tsx';
import { MarketplacePage } from '../marketplace/marketplace-page.tsx';
import { MyListingsPage } from '../marketplace/my-listings-page.tsx';
import { NewListingPage } from '../marketplace/new-listing-page.tsx';
import { OrdersPage } from '../marketplace/orders-page.tsx';
import { DirectoryPage } from '../organisations/directory-page.tsx';
import { OrganisationPage } from '../organisations/organisation-page.tsx';
import { RegisterOrganisationPage } from '../organisations/register-organisation-page.tsx';
import { EditProcessPage } from '../participation/edit-process-page.tsx';
import { EditProposalPage } from '../participation/edit-proposal-page.tsx';
import { MeetingPage } from '../participation/meeting-page.tsx';
import { NewMeetingPage } from '../participation/new-meeting-page.tsx';
import { NewProcessPage } from '../participation/new-process-page.tsx';
import { NewProposalPage } from '../participation/new-proposal-page.tsx';
import { NewSurveyPage } from '../participation/new-survey-page.tsx';
import { NotificationsPage } from '../participation/notifications-page.tsx';
import { ProcessListPage } from '../participation/process-list-page.tsx';
import { ProcessPage } from '../participation/process-page.tsx';
import { ProposalPage } from '../participation/proposal-page.tsx';
import { ReportsPage } from '../participation/reports-page.tsx';
import { ResultPage as ParticipationResultPage } from '../participation/result-page.tsx';
import { SurveyPage } from '../participation/survey-page.tsx';
import { RecurringPage } from '../payment-requests/recurring-page.tsx';
import { RequestsPage } from '../payment-requests/requests-page.tsx';
import { InvitationPage } from '../people/invitation-page.tsx';
import { PeoplePage } from '../people/people-page.tsx';
import { NotFoundPage } from '../platform/layout/not-found-page.tsx';
import { TransparencyPage } from '../transparency/transparency-page.tsx';
import { HomePage } from './home-page.tsx';
import { RootLayout } from './root-layout.tsx';

/** Search values arrive parsed as JSON when they look like it; tokens and paths are always text. */
const text = (value: unknown): string | undefined =>
  value === undefined || value === null || value === '' ? undefined : String(value);
const tokenSearch = (search: Record<string, unknown>) => ({ token: text(search.token) });

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });
const page = (path: string, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

const homeRoute = page('/', HomePage);
const forgotPasswordRoute = page('/forgot-password', ForgotPasswordPage);
const accountRoute = page('/account', AccountPage);
const newClusterRoute = page('/clusters/new', CreateClusterPage);
const outboxRoute = page('/admin/outbox', OutboxPage);

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  validateSearch: (search: Record<string, unknown>) => ({ next: text(search.next) }),
  component: function SignUpRoute() {
    return <SignUpPage next={signUpRoute.useSearch().next} />;
  },
});

const checkYourMailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/check-your-mail',
  component: function CheckYourMailRoute() {
    return <CheckYourMailPage email={useLocation().state.signUpEmail} />;
  },
});

const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify-email',
  validateSearch: (search: Record<string, unknown>) => ({ ...tokenSearch(search), next: text(search.next) }),
  component: function VerifyEmailRoute() {
    const { token, next } = verifyEmailRoute.useSearch();
    return <VerifyEmailPage token={token} next={next} />;
  },
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: function ResetPasswordRoute() {
    return <ResetPasswordPage token={resetPasswordRoute.useSearch().token} />;
  },
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>) => ({ next: text(search.next) }),
  component: function SignInRoute() {
    return <SignInPage next={signInRoute.useSearch().next} />;
  },
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$token',
  component: function InvitationRoute() {
    return <InvitationPage token={invitationRoute.useParams().token} />;
  },
});

const clusterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/clusters/$slug',
  component: function ClusterRoute() {
    return (
      <ClusterFrame slug={clusterRoute.useParams().slug}>
        <Outlet />
      </ClusterFrame>
    );
  },
});

const clusterPage = (path: string, render: (slug: string) => React.ReactNode) =>
  createRoute({
    getParentRoute: () => clusterRoute,
    path,
    component: function ClusterChildRoute() {
      return render(clusterRoute.useParams().slug);
    },
  });

const clusterIndexRoute = clusterPage('/', (slug) => <ClusterPage slug={slug} />);
const clusterSettingsRoute = clusterPage('settings', (slug) => <ClusterSettingsPage slug={slug} />);
const membersRoute = clusterPage('members', (slug) => <DirectoryPage slug={slug} />);
const newOrganisationRoute = clusterPage('organisations/new', (slug) => (
  <RegisterOrganisationPage slug={slug} />
));
const peopleRoute = clusterPage('people', (slug) => <PeoplePage slug={slug} />);
const transparencyRoute = clusterPage('transparency', (slug) => <TransparencyPage slug={slug} />);

const currencyRoute = clusterPage('currency', (slug) => <CurrencyPage slug={slug} />);
const currencySettingsRoute = clusterPage('currency/settings', (slug) => (
  <CurrencySettingsPage slug={slug} />
));
const currencyAccountsRoute = clusterPage('currency/accounts', (slug) => (
  <CurrencyAccountsPage slug={slug} />
));

/** A page of one currency account (a wallet and the pages under it). */
const accountPage = (path: string, render: (slug: string, accountId: string) => React.ReactNode) => {
  const route = createRoute({
    getParentRoute: () => clusterRoute,
    path,
    component: function AccountChildRoute() {
      const params = route.useParams() as { slug: string; accountId: string };
      return render(params.slug, params.accountId);
    },
  });
  return route;
};

const walletRoute = accountPage('currency/$accountId', (slug, accountId) => (
  <WalletPage slug={slug} accountId={accountId} />
));
const payRoute = accountPage('currency/$accountId/pay', (slug, accountId) => (
  <PayPage slug={slug} accountId={accountId} />
));
const paymentRequestsRoute = accountPage('currency/$accountId/requests', (slug, accountId) => (
  <RequestsPage slug={slug} accountId={accountId} />
));
const recurringPaymentsRoute = accountPage('currency/$accountId/recurring', (slug, accountId) => (
  <RecurringPage slug={slug} accountId={accountId} />
));

const clearingRoute = clusterPage('clearing', (slug) => <ClearingPage slug={slug} />);
const clearingInvoicesRoute = clusterPage('clearing/invoices', (slug) => <InvoicesPage slug={slug} />);
const clearingRoundRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'clearing/rounds/$roundId',
  component: function ClearingRoundRoute() {
    const { slug, roundId } = clearingRoundRoute.useParams();
    return <RoundPage slug={slug} roundId={roundId} />;
  },
});

const budgetsRoute = clusterPage('budgets', (slug) => <BudgetsPage slug={slug} />);
const budgetRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'budgets/$budgetId',
  component: function BudgetRoute() {
    const { slug, budgetId } = budgetRoute.useParams();
    return <BudgetPage slug={slug} budgetId={budgetId} />;
  },
});
const budgetResultsRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'budgets/$budgetId/results',
  component: function BudgetResultsRoute() {
    const { slug, budgetId } = budgetResultsRoute.useParams();
    return <ResultsPage slug={slug} budgetId={budgetId} />;
  },
});

const marketplaceRoute = clusterPage('marketplace', (slug) => <MarketplacePage slug={slug} />);
const newListingRoute = clusterPage('marketplace/listings/new', (slug) => <NewListingPage slug={slug} />);
const myListingsRoute = clusterPage('marketplace/mine', (slug) => <MyListingsPage slug={slug} />);
const marketplaceOrdersRoute = clusterPage('marketplace/orders', (slug) => <OrdersPage slug={slug} />);
const listingRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'marketplace/listings/$listingId',
  component: function ListingRoute() {
    const { slug, listingId } = listingRoute.useParams();
    return <ListingPage slug={slug} listingId={listingId} />;
  },
});
const editListingRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'marketplace/listings/$listingId/edit',
  component: function EditListingRoute() {
    const { slug, listingId } = editListingRoute.useParams();
    return <EditListingPage slug={slug} listingId={listingId} />;
  },
});

const participationRoute = clusterPage('participation', (slug) => <ProcessListPage slug={slug} />);
const newProcessRoute = clusterPage('participation/processes/new', (slug) => <NewProcessPage slug={slug} />);
const participationNotificationsRoute = clusterPage('participation/notifications', (slug) => (
  <NotificationsPage slug={slug} />
));
const participationReportsRoute = clusterPage('participation/reports', (slug) => <ReportsPage slug={slug} />);
const processRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'participation/processes/$processId',
  component: function ProcessRoute() {
    const { slug, processId } = processRoute.useParams();
    return <ProcessPage slug={slug} processId={processId} />;
  },
});
const newProposalRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'participation/processes/$processId/proposals/new',
  component: function NewProposalRoute() {
    const { slug, processId } = newProposalRoute.useParams();
    return <NewProposalPage slug={slug} processId={processId} />;
  },
});
const proposalRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'participation/processes/$processId/proposals/$proposalId',
  component: function ProposalRoute() {
    const { slug, processId, proposalId } = proposalRoute.useParams();
    return <ProposalPage slug={slug} processId={processId} proposalId={proposalId} />;
  },
});
const meetingRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'participation/processes/$processId/meetings/$meetingId',
  component: function MeetingRoute() {
    const { slug, processId, meetingId } = meetingRoute.useParams();
    return <MeetingPage slug={slug} processId={processId} meetingId={meetingId} />;
  },
});
const participationResultRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'participation/processes/$processId/results/$resultId',
  component: function ParticipationResultRoute() {
    const { slug, processId, resultId } = participationResultRoute.useParams();
    return <ParticipationResultPage slug={slug} processId={processId} resultId={resultId} />;
  },
});

const newMeetingRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'participation/processes/$processId/meetings/new',
  component: function NewMeetingRoute() {
    const { slug, processId } = newMeetingRoute.useParams();
    return <NewMeetingPage slug={slug} processId={processId} />;
  },
});
const editProposalRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'participation/processes/$processId/proposals/$proposalId/edit',
  component: function EditProposalRoute() {
    const { slug, processId, proposalId } = editProposalRoute.useParams();
    return <EditProposalPage slug={slug} processId={processId} proposalId={proposalId} />;
  },
});
const newSurveyRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'participation/processes/$processId/surveys/new',
  component: function NewSurveyRoute() {
    const { slug, processId } = newSurveyRoute.useParams();
    return <NewSurveyPage slug={slug} processId={processId} />;
  },
});
const editProcessRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'participation/processes/$processId/edit',
  component: function EditProcessRoute() {
    const { slug, processId } = editProcessRoute.useParams();
    return <EditProcessPage slug={slug} processId={processId} />;
  },
});
const surveyRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'participation/processes/$processId/surveys/$surveyId',
  component: function SurveyRoute() {
    const { slug, processId, surveyId } = surveyRoute.useParams();
    return <SurveyPage slug={slug} processId={processId} surveyId={surveyId} />;
  },
});

const organisationRoute = createRoute({
  getParentRoute: () => clusterRoute,
  path: 'organisations/$organisationId',
  component: function OrganisationRoute() {
    const { slug, organisationId } = organisationRoute.useParams();
    return <OrganisationPage slug={slug} organisationId={organisationId} />;
  },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  signUpRoute,
  checkYourMailRoute,
  verifyEmailRoute,
  signInRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  accountRoute,
  newClusterRoute,
  outboxRoute,
  invitationRoute,
  clusterRoute.addChildren([
    clusterIndexRoute,
    clusterSettingsRoute,
    membersRoute,
    newOrganisationRoute,
    organisationRoute,
    participationRoute,
    newProcessRoute,
    participationNotificationsRoute,
    participationReportsRoute,
    processRoute,
    newProposalRoute,
    proposalRoute,
    meetingRoute,
    participationResultRoute,
    surveyRoute,
    editProcessRoute,
    newSurveyRoute,
    editProposalRoute,
    newMeetingRoute,
    marketplaceRoute,
    newListingRoute,
    myListingsRoute,
    marketplaceOrdersRoute,
    listingRoute,
    editListingRoute,
    peopleRoute,
    transparencyRoute,
    clearingRoute,
    clearingInvoicesRoute,
    clearingRoundRoute,
    budgetsRoute,
    budgetRoute,
    budgetResultsRoute,
    currencyRoute,
    currencySettingsRoute,
    currencyAccountsRoute,
    walletRoute,
    payRoute,
    paymentRequestsRoute,
    recurringPaymentsRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

declare module '@tanstack/history' {
  interface HistoryState {
    /** The address just signed up with, kept in the check-your-mail page's history entry. */
    signUpEmail?: string;
  }
}
