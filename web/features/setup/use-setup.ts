import { useMutation } from '@tanstack/react-query';
import { MeSchema, type SetupBody } from '../../../shared/api.js';
import { apiFetch } from '../../api/client.js';

/** Creates the first organization and its owner, and signs the owner in. */
export function useCompleteSetup() {
  return useMutation({
    mutationFn: (body: SetupBody) => apiFetch('/setup', { method: 'POST', body, schema: MeSchema }),
  });
}
