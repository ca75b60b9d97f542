import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OrganizationSchema, type UpdateOrganizationBody } from '../../../shared/api.js';
import { apiFetch } from '../../api/client.js';
import { sessionKeys } from '../auth/keys.js';

export const organizationKeys = {
  all: ['organization'] as const,
  current: () => [...organizationKeys.all, 'current'] as const,
};

/** The current organization's settings (everyone may read them). */
export function useOrganization() {
  return useQuery({
    queryKey: organizationKeys.current(),
    queryFn: ({ signal }) => apiFetch('/organization', { schema: OrganizationSchema, signal }),
  });
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => apiFetch('/organization', { method: 'PATCH', body, schema: OrganizationSchema }),
    onSuccess: (organization) => {
      queryClient.setQueryData(organizationKeys.current(), organization);
      // The session carries the organization's name and time zone too.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.me() });
    },
  });
}
