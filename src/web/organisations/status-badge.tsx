/** An organisation's membership status, coloured by kind and always named in words. */
import { useLabels } from '../platform/catalogue/use-labels.ts';

export function StatusBadge({ status }: { status: string }) {
  const labels = useLabels();
  return <span className={`badge badge--${status}`}>{labels.status(status)}</span>;
}
