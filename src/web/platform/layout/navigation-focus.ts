/**
 * After a client-side navigation, a screen-reader user must learn that the page changed: once
 * the router has rendered the new page, its <h1> takes the focus (and is read out); a page that
 * was still loading announces its title when it is known. The first load is left alone: the
 * browser announces it.
 */
import { announce } from './announcer.tsx';

let isAnnouncementPending = false;
let currentTitle: string | null = null;

/** Pages report their document title here (null while their data is loading). */
export function pageTitleChanged(title: string | null): void {
  currentTitle = title;
  if (title !== null && isAnnouncementPending) {
    isAnnouncementPending = false;
    announce(title);
  }
}

/**
 * Puts the keyboard on the page's heading — after a navigation, or when the control that had the
 * focus has gone (a dialog whose opening button vanished with the change it made).
 */
export function focusMainHeading(): void {
  const main = document.querySelector<HTMLElement>('main');
  const heading = main?.querySelector<HTMLElement>('h1');
  (heading ?? main)?.focus();
}

/** Called by the root layout after a navigation to another address has been rendered. */
export function navigationRendered(): void {
  focusMainHeading();
  // A page that already shows its heading is read out through the focus; one still loading its
  // data says its title once it is known.
  isAnnouncementPending = currentTitle === null;
}
