import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangePasswordBody, MeSchema, type UpdateProfileBody } from '../../../shared/api.js';
import { apiFetch } from '../../api/client.js';
import { peopleKeys } from '../users/use-people.js';
import { sessionKeys } from '../auth/keys.js';

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => apiFetch('/me', { method: 'PATCH', body, schema: MeSchema }),
    onSuccess: (me) => {
      queryClient.setQueryData(sessionKeys.me(), me);
      // The person lists show names too.
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}

/** Changes the password; the server ends the user's other sessions. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiFetch('/me/password', { method: 'POST', body }),
  });
}
