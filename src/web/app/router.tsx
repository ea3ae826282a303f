/**
 * Every page of the web app and its address. Route components read their params and search
 * values here and hand them to the page as props, so pages do not depend on the router's types.
 */
import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { CheckYourMailPage } from '../accounts/check-your-mail-page.tsx';
import { SignInPage } from '../accounts/sign-in-page.tsx';
import { SignUpPage } from '../accounts/sign-up-page.tsx';
import { VerifyEmailPage } from '../accounts/verify-email-page.tsx';
import { HomePage } from './home-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RootLayout } from './root-layout.tsx';

/** Search values arrive parsed as JSON when they look like it; tokens and paths are always text. */
const text = (value: unknown): string | undefined =>
  value === undefined || value === null || value === '' ? undefined : String(value);

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });

const signUpRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-up', component: SignUpPage });

const checkYourMailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/check-your-mail',
  component: CheckYourMailPage,
});

const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify-email',
  validateSearch: (search: Record<string, unknown>) => ({ token: text(search.token) }),
  component: function VerifyEmailRoute() {
    const { token } = verifyEmailRoute.useSearch();
    return <VerifyEmailPage token={token} />;
  },
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>) => ({ next: text(search.next) }),
  component: function SignInRoute() {
    const { next } = signInRoute.useSearch();
    return <SignInPage next={next} />;
  },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  signUpRoute,
  checkYourMailRoute,
  verifyEmailRoute,
  signInRoute,
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
