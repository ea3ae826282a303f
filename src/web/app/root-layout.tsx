/**
 * The root of every route: lets React Aria links and buttons navigate through the router, moves focus to
 * the new page after each client-side navigation (and announces it), and draws the site's frame.
 */
import { Outlet, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { RouterProvider } from 'react-aria-components';
import { navigationRendered } from '../platform/layout/navigation-focus.ts';
import { SiteLayout } from '../platform/layout/site-layout.tsx';

export function RootLayout() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        if (event.fromLocation && event.pathChanged) requestAnimationFrame(navigationRendered);
      }),
    [router],
  );
  return (
    <RouterProvider navigate={(href) => router.navigate({ href })}>
      <SiteLayout>
        <Outlet />
      </SiteLayout>
    </RouterProvider>
  );
}
