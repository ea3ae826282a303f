/**
 * After signing in or out, what the cache holds was seen through another person's eyes: drop what
 * no page shows, and fetch again what the current page shows (the header's session first of all).
 */
import type { QueryClient } from '@tanstack/react-query';

export async function refreshPrivateData(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ type: 'inactive' });
  await queryClient.invalidateQueries({ type: 'active' });
}
