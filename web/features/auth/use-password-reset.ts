import { useMutation, useQuery } from '@tanstack/react-query';
import { MeSchema, PasswordResetSchema } from '../../../shared/api.js';
import { apiFetch } from '../../api/client.js';

export const passwordResetKeys = {
  detail: (token: string) => ['password-resets', token] as const,
};

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (body: { email: string }) => apiFetch('/auth/password-reset', { method: 'POST', body }) });
}

export function usePasswordReset(token: string) {
  return useQuery({
    queryKey: passwordResetKeys.detail(token),
    queryFn: ({ signal }) => apiFetch(`/auth/password-reset/${encodeURIComponent(token)}`, { schema: PasswordResetSchema, signal }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Sets the new password and signs in. */
export function useCompletePasswordReset(token: string) {
  return useMutation({
    mutationFn: (body: { password: string }) =>
      apiFetch(`/auth/password-reset/${encodeURIComponent(token)}`, { method: 'POST', body, schema: MeSchema.nullable() }),
  });
}
