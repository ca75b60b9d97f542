import { useMutation, useQuery } from '@tanstack/react-query';
import { type AcceptInvitationBody, InvitationSchema, MeSchema } from '../../../shared/api.js';
import { apiFetch } from '../../api/client.js';

export const invitationKeys = {
  all: ['invitations'] as const,
  detail: (token: string) => [...invitationKeys.all, token] as const,
};

export function useInvitation(token: string) {
  return useQuery({
    queryKey: invitationKeys.detail(token),
    queryFn: ({ signal }) => apiFetch(`/invitations/${encodeURIComponent(token)}`, { schema: InvitationSchema, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Sets the invited person's password (and name) and signs them in. */
export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: AcceptInvitationBody) =>
      apiFetch(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body, schema: MeSchema }),
  });
}
