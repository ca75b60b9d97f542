import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiToken, ApiTokenListSchema, CreatedApiTokenSchema } from '../../../shared/api.js';
import { apiFetch } from '../../api/client.js';

export const tokenKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
};

/** The signed-in user's API tokens in the current organization. */
export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.list(),
    queryFn: async ({ signal }) => (await apiFetch('/tokens', { schema: ApiTokenListSchema, signal })).items,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch('/tokens', { method: 'POST', body: { name }, schema: CreatedApiTokenSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch(`/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: (_result, id) => {
      queryClient.setQueryData<ApiToken[]>(tokenKeys.list(), (list) => list?.filter((token) => token.id !== id));
      void queryClient.invalidateQueries({ queryKey: tokenKeys.all });
    },
  });
}
