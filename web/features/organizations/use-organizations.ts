import { useMutation } from '@tanstack/react-query';
import { type CreateOrganizationBody, OrganizationSchema } from '../../../shared/api.js';
import { apiFetch } from '../../api/client.js';

/** Instance administrators only: a new organization with its first owner. */
export function useCreateOrganization() {
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => apiFetch('/organizations', { method: 'POST', body, schema: OrganizationSchema }),
  });
}
