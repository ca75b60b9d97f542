/** Comments of one task: cached per task, updated from each answer. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Comment, CommentListSchema, CommentSchema } from '../../../shared/tasks.js';
import { apiFetch } from '../../api/client.js';
import { taskKeys } from '../tasks/keys.js';

export function useComments(taskId: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: taskKeys.comments(taskId),
    queryFn: async ({ signal }) => (await apiFetch(`/tasks/${taskId}/comments`, { schema: CommentListSchema, signal })).items,
    enabled: options.enabled ?? true,
  });
}

export function useAddComment(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: string; idempotencyKey: string }) =>
      apiFetch(`/tasks/${taskId}/comments`, {
        method: 'POST',
        body: { body },
        schema: CommentSchema,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: (comment) => {
      queryClient.setQueryData<Comment[]>(taskKeys.comments(taskId), (list) =>
        list && !list.some((item) => item.id === comment.id) ? [...list, comment] : list,
      );
      void queryClient.invalidateQueries({ queryKey: taskKeys.history(taskId) });
    },
  });
}

export function useEditComment(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: string }) =>
      apiFetch(`/comments/${id}`, { method: 'PATCH', body: { body }, schema: CommentSchema }),
    onSuccess: (comment) => {
      queryClient.setQueryData<Comment[]>(taskKeys.comments(taskId), (list) =>
        list?.map((item) => (item.id === comment.id ? comment : item)),
      );
      void queryClient.invalidateQueries({ queryKey: taskKeys.history(taskId) });
    },
  });
}

export function useDeleteComment(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch(`/comments/${id}`, { method: 'DELETE' }),
    onSuccess: (_nothing, id) => {
      queryClient.setQueryData<Comment[]>(taskKeys.comments(taskId), (list) => list?.filter((item) => item.id !== id));
      void queryClient.invalidateQueries({ queryKey: taskKeys.history(taskId) });
    },
  });
}
