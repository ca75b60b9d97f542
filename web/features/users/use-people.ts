import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateUserBody,
  CreatedPersonSchema,
  InvitationLinkSchema,
  PeopleListSchema,
  type Person,
  PersonSchema,
  type UpdateUserBody,
} from '../../../shared/api.js';
import { apiFetch } from '../../api/client.js';
import { sessionKeys } from '../auth/keys.js';

export const peopleKeys = {
  all: ['people'] as const,
  list: () => [...peopleKeys.all, 'list'] as const,
  detail: (id: number) => [...peopleKeys.all, 'detail', id] as const,
};

export function usePeople(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: peopleKeys.list(),
    queryFn: async ({ signal }) => (await apiFetch('/users', { schema: PeopleListSchema, signal })).items,
    enabled: options.enabled ?? true,
  });
}

function useStorePerson() {
  const queryClient = useQueryClient();
  return (person: Person) => {
    queryClient.setQueryData(peopleKeys.detail(person.id), person);
    queryClient.setQueryData<Person[]>(peopleKeys.list(), (list) =>
      list ? list.map((item) => (item.id === person.id ? person : item)) : list,
    );
  };
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => apiFetch('/users', { method: 'POST', body, schema: CreatedPersonSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useUpdatePerson(id: number) {
  const storePerson = useStorePerson();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => apiFetch(`/users/${id}`, { method: 'PATCH', body, schema: PersonSchema }),
    onSuccess: (person) => {
      storePerson(person);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.list() });
      // Changing one's own role changes what the app may show.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.me() });
    },
  });
}

/** A fresh invitation link for someone who has not set a password yet (the old one stops working). */
export function useNewInvitation(id: number) {
  return useMutation({
    mutationFn: () => apiFetch(`/users/${id}/invitation`, { method: 'POST', schema: InvitationLinkSchema }),
  });
}
