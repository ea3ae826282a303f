/** After a failed submit, takes the keyboard to the first field that needs attention. */
import { type RefObject, useEffect } from 'react';

export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error) return;
    const frame = requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      invalid?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [error, formRef]);
}
