/** Signs out this browser, forgets every cached answer, and goes home. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../api/api-client.ts';
import { announce } from '../layout/announcer.tsx';
import { paths } from '../routing/paths.ts';
import { refreshPrivateData } from './refresh-private-data.ts';

export function SignOutButton({ className }: { className: string }) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => api.delete('/session'),
    onSettled: async () => {
      await router.navigate({ href: paths.home() });
      await refreshPrivateData(queryClient);
      announce(intl.formatMessage({ id: 'session.signedOut' }));
    },
  });
  return (
    <Button
      className={className}
      onPress={() => {
        if (!signOut.isPending) signOut.mutate();
      }}
    >
      <FormattedMessage id="nav.signOut" />
    </Button>
  );
}
