/** One polite live region for the whole app: page changes and results of actions are read out. */
import { useSyncExternalStore } from 'react';

let message = '';
let counter = 0;
const listeners = new Set<() => void>();

export function announce(text: string): void {
  // The counter makes a repeated message count as new, so it is read again.
  counter += 1;
  message = text;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Announcer() {
  const text = useSyncExternalStore(
    subscribe,
    () => `${counter}\u0000${message}`,
    () => '',
  );
  const visible = text.split('\u0000')[1] ?? '';
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {visible}
    </div>
  );
}
