/**
 * The frame of every page: its one <h1>, the document title ("Members — PLOUCS — Kopa"), and —
 * after a navigation — focus on the heading and an announcement of the new title.
 */
import { type ReactNode, useEffect } from 'react';
import { pageTitleChanged } from './navigation-focus.ts';

const SITE_NAME = 'Kopa';

interface Props {
  /** The parts of the document title, most specific first; null while the page is loading. */
  readonly title: readonly string[] | null;
  readonly heading: ReactNode;
  readonly eyebrow?: ReactNode;
  readonly lead?: ReactNode;
  readonly actions?: ReactNode;
  readonly width?: 'narrow' | 'medium' | 'wide';
  readonly children?: ReactNode;
}

export function documentTitle(parts: readonly string[]): string {
  return [...parts, SITE_NAME].join(' — ');
}

export function Page({ title, heading, eyebrow, lead, actions, width = 'wide', children }: Props) {
  const titleText = title ? documentTitle(title) : null;

  useEffect(() => {
    if (titleText !== null) document.title = titleText;
    pageTitleChanged(titleText);
  }, [titleText]);

  return (
    <div className="container">
      <div className={width === 'wide' ? undefined : width}>
        <header className="page-header">
          {eyebrow && <p className="page-header__eyebrow">{eyebrow}</p>}
          <h1 tabIndex={-1}>{heading}</h1>
          {lead && <p className="page-header__lead">{lead}</p>}
          {actions && <div className="page-header__actions">{actions}</div>}
        </header>
        {children}
      </div>
    </div>
  );
}
