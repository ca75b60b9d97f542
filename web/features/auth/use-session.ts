import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type LoginBody, type Me, MeSchema, SetupStatusSchema } from '../../../shared/api.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { ApiError, apiFetch } from '../../api/client.js';
import { type FormatContext, formatDate, formatDateTime, formatNumber } from '../../components/format.js';
import { currentLocale, setLocale } from '../../i18n/index.js';
import { sessionKeys } from './keys.js';

/** Whether this install still needs its first organization and owner. */
export function useSetupStatus() {
  return useQuery({
    queryKey: sessionKeys.setup(),
    queryFn: ({ signal }) => apiFetch('/setup', { schema: SetupStatusSchema, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed-in user, their current organization and role; `null` when signed out (401). */
export function useMe() {
  return useQuery({
    queryKey: sessionKeys.me(),
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        return await apiFetch('/me', { schema: MeSchema, signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** The signed-in session; only call below a route that guarantees one. */
export function useSession(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSession() needs a signed-in user');
  return data;
}

export function useIsOrganizationAdmin(): boolean {
  return isOrganizationAdmin(useSession().role);
}

/** Keeps the interface language on the signed-in user's choice. */
export function useUserLocale(me: Me | null | undefined): void {
  const locale = me?.user.locale;
  useEffect(() => {
    if (locale) void setLocale(locale);
  }, [locale]);
}

/** Drops every cached answer except the session itself (after switching organization or signing out). */
function forgetOrganizationData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiFetch('/auth/login', { method: 'POST', body, schema: MeSchema }),
    onSuccess: (me) => {
      signOutIntent.current = false;
      forgetOrganizationData(queryClient);
      queryClient.setQueryData(sessionKeys.me(), me);
    },
  });
}

/** Set while the user signs out on purpose: the sign-in page then opens without a `next` to return to. */
export const signOutIntent = { current: false };

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => {
      signOutIntent.current = true;
      return apiFetch('/auth/logout', { method: 'POST' });
    },
    onSettled: () => {
      forgetOrganizationData(queryClient);
      queryClient.setQueryData(sessionKeys.me(), null);
    },
  });
}

export function useSwitchOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: number) => apiFetch('/auth/switch', { method: 'POST', body: { organizationId }, schema: MeSchema }),
    onSuccess: async (me) => {
      forgetOrganizationData(queryClient);
      queryClient.setQueryData(sessionKeys.me(), me);
      await queryClient.invalidateQueries();
    },
  });
}

/**
 * Stores a fresh session (after setup or accepting an invitation). A new account keeps the
 * language its owner was reading when they created it.
 */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return async (me: Me): Promise<void> => {
    let session = me;
    const locale = currentLocale();
    if (session.user.locale !== locale) {
      try {
        session = await apiFetch('/me', { method: 'PATCH', body: { locale }, schema: MeSchema });
      } catch {
        // The account works in its stored language; the profile page can change it.
      }
    }
    signOutIntent.current = false;
    forgetOrganizationData(queryClient);
    queryClient.setQueryData(sessionKeys.setup(), { needed: false });
    queryClient.setQueryData(sessionKeys.me(), session);
  };
}

/** Date and number formatting in the reader's language and the organization's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const timeZone = me?.organization.timeZone;
  const locale = i18n.language;
  return useMemo(() => {
    const ctx: FormatContext = { locale, timeZone };
    return {
      date: (value: string | Date) => formatDate(ctx, value),
      dateTime: (value: string | Date) => formatDateTime(ctx, value),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(ctx, value, options),
      locale,
      timeZone,
    };
  }, [locale, timeZone]);
}
