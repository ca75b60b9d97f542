/**
 * Changing the organization's activity types. The list itself is read with `useActivityTypes` (task
 * lookups) under `projectKeys.activityTypes()`, so task pickers see a change as soon as it is made.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ActivityType,
  ActivityTypeSchema,
  type CreateActivityTypeBody,
  type UpdateActivityTypeBody,
} from '../../../shared/projects.js';
import { apiFetch } from '../../api/client.js';
import { projectKeys } from '../projects/keys.js';

export function useCreateActivityType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateActivityTypeBody; idempotencyKey: string }) =>
      apiFetch('/activity-types', { method: 'POST', body, schema: ActivityTypeSchema, headers: { 'Idempotency-Key': idempotencyKey } }),
    // Returned, so the caller's await ends once the list shows the new type.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.activityTypes() }),
  });
}

export function useUpdateActivityType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateActivityTypeBody }) =>
      apiFetch(`/activity-types/${id}`, { method: 'PATCH', body, schema: ActivityTypeSchema }),
    onSuccess: (type, { body }) => {
      // A move renumbers the others too, which only the server's list tells; awaited, so the caller
      // goes on once the list shows the new order.
      if (body.position !== undefined) return queryClient.invalidateQueries({ queryKey: projectKeys.activityTypes() });
      queryClient.setQueryData<ActivityType[]>(projectKeys.activityTypes(), (list) =>
        list?.map((item) => (item.id === type.id ? type : item)),
      );
      return undefined;
    },
  });
}
