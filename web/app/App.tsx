import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/client.js';
import { sessionKeys } from '../features/auth/keys.js';
import { router } from './router.js';

const SIGNED_OUT_CODES = new Set(['not_authenticated', 'session_expired']);

/** A request that finds the session gone (expired, ended by a password change elsewhere) signs the app out. */
function onError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401 && SIGNED_OUT_CODES.has(error.code)) {
    queryClient.setQueryData(sessionKeys.me(), null);
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      // Answers the server meant (4xx) are final; only retry what may be passing trouble.
      retry: (failureCount, error) => failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
