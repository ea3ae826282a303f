/** A navigation link that tells assistive technology when it points at the current page. */
import { useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';

interface Props {
  readonly href: string;
  readonly children: ReactNode;
  readonly className: string;
  /** Also current on deeper pages (a section), not only on exactly this address. */
  readonly matchesDeeper?: boolean;
}

export function NavLink({ href, children, className, matchesDeeper = false }: Props) {
  const { pathname } = useLocation();
  const isCurrent = pathname === href || (matchesDeeper && pathname.startsWith(`${href}/`));
  return (
    <Link href={href} className={className} aria-current={isCurrent ? 'page' : undefined}>
      {children}
    </Link>
  );
}
