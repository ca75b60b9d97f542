/** Documents of one task: cached per task, updated from each answer. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Attachment, AttachmentListSchema, AttachmentSchema } from '../../../shared/tasks.js';
import { API_BASE, apiFetch } from '../../api/client.js';
import { taskKeys } from '../tasks/keys.js';

export function useAttachments(taskId: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: taskKeys.attachments(taskId),
    queryFn: async ({ signal }) => (await apiFetch(`/tasks/${taskId}/attachments`, { schema: AttachmentListSchema, signal })).items,
    enabled: options.enabled ?? true,
  });
}

export function useUploadAttachment(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return apiFetch(`/tasks/${taskId}/attachments`, { method: 'POST', body, schema: AttachmentSchema });
    },
    onSuccess: (attachment) => {
      queryClient.setQueryData<Attachment[]>(taskKeys.attachments(taskId), (list) =>
        list && !list.some((item) => item.id === attachment.id) ? [...list, attachment] : list,
      );
      void queryClient.invalidateQueries({ queryKey: taskKeys.history(taskId) });
    },
  });
}

export function useDeleteAttachment(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch(`/attachments/${id}`, { method: 'DELETE' }),
    onSuccess: (_nothing, id) => {
      queryClient.setQueryData<Attachment[]>(taskKeys.attachments(taskId), (list) => list?.filter((item) => item.id !== id));
      void queryClient.invalidateQueries({ queryKey: taskKeys.history(taskId) });
    },
  });
}

export function attachmentUrl(id: number, inline = false): string {
  return `${API_BASE}/attachments/${id}/content${inline ? '?inline=1' : ''}`;
}

/** Types the server shows in the browser with `?inline=1`; everything else downloads. */
export function canPreview(contentType: string): boolean {
  return /^(image\/(png|jpeg|gif|webp)|application\/pdf)$/.test(contentType);
}
