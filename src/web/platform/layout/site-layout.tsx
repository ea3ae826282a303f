/** Landmarks of every page: skip link, banner, main content, footer, and the live region. */
import type { ReactNode } from 'react';
import { Announcer } from './announcer.tsx';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';
import { MAIN_ID, SkipLink } from './skip-link.tsx';

export function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <SkipLink />
      <SiteHeader />
      <main id={MAIN_ID} className="site-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
      <Announcer />
    </div>
  );
}
