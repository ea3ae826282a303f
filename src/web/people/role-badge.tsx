/** A person's role in a cluster, as a small label. */
import { useLabels } from '../platform/catalogue/use-labels.ts';

export function RoleBadge({ role }: { role: string }) {
  const labels = useLabels();
  return <span className="badge badge--role">{labels.role(role)}</span>;
}
