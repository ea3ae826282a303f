/**
 * A table that may be wider than a phone's screen: it scrolls sideways inside a named region the
 * keyboard can reach, so the page itself never scrolls sideways (WCAG 1.4.10).
 */
import type { ReactNode } from 'react';

export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
