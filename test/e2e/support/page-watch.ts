/**
 * Watches a page for what must never happen: uncaught errors and anything the Content Security
 * Policy refused (an inline style or script would show up here).
 */
import type { Page } from 'playwright-core';

export interface PageProblems {
  readonly problems: string[];
  /** Throws when something went wrong since the page was opened (or since the last check). */
  expectNone(): void;
}

export function watchPage(page: Page): PageProblems {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) {
      problems.push(`CSP: ${text}`);
    }
  });
  return {
    problems,
    expectNone() {
      if (problems.length > 0) {
        const found = problems.splice(0);
        throw new Error(`Problems in the page:\n${found.join('\n')}`);
      }
    },
  };
}
