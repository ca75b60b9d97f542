import { createBrowserRouter, Navigate } from 'react-router';
import { projectRoutes } from '../features/projects/routes.js';
import { AppFrame } from './AppFrame.js';
import { FullPageLoading, PublicOnly, RequireSession, Root, RouteError } from './gates.js';

/** Route files are thin and loaded on demand; the frame and the gates come with the first bundle. */
export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    HydrateFallback: FullPageLoading,
    children: [
      { path: 'setup', lazy: async () => ({ Component: (await import('../features/setup/SetupPage.js')).SetupPage }) },
      {
        path: 'reset-password/:token',
        lazy: async () => ({ Component: (await import('../features/auth/ResetPasswordPage.js')).ResetPasswordPage }),
      },
      {
        path: 'invite/:token',
        lazy: async () => ({
          Component: (await import('../features/users/AcceptInvitationPage.js')).AcceptInvitationPage,
        }),
      },
      {
        element: <PublicOnly />,
        children: [
          { path: 'login', lazy: async () => ({ Component: (await import('../features/auth/LoginPage.js')).LoginPage }) },
          {
            path: 'forgot-password',
            lazy: async () => ({ Component: (await import('../features/auth/ForgotPasswordPage.js')).ForgotPasswordPage }),
          },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppFrame />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: <Navigate to="/my-work" replace /> },
              {
                path: 'my-work',
                lazy: async () => ({ Component: (await import('../features/tasks/queue/MyWorkPage.js')).MyWorkPage }),
              },
              {
                path: 'tasks/:id',
                lazy: async () => ({ Component: (await import('../features/tasks/page/TaskPage.js')).TaskPage }),
              },
              ...projectRoutes,
              {
                path: 'dashboard',
                lazy: async () => ({
                  Component: (await import('./ComingSoonPage.js')).DashboardPage,
                }),
              },
              {
                path: 'time',
                lazy: async () => ({ Component: (await import('../features/time/timesheet/TimesheetPage.js')).TimesheetPage }),
              },
              {
                path: 'time/approvals',
                lazy: async () => ({ Component: (await import('../features/time/timesheet/ApprovalsPage.js')).ApprovalsPage }),
              },
              {
                path: 'reports',
                lazy: async () => ({ Component: (await import('../features/reports/ReportsPage.js')).ReportsPage }),
              },
              { path: 'people', lazy: async () => ({ Component: (await import('../features/users/PeoplePage.js')).PeoplePage }) },
              {
                path: 'settings',
                lazy: async () => ({ Component: (await import('../features/organizations/SettingsPage.js')).SettingsPage }),
              },
              {
                path: 'notifications',
                lazy: async () => ({
                  Component: (await import('../features/notifications/NotificationsPage.js')).NotificationsPage,
                }),
              },
              {
                path: 'profile',
                lazy: async () => ({ Component: (await import('../features/me/ProfilePage.js')).ProfilePage }),
              },
              {
                path: '*',
                lazy: async () => ({ Component: (await import('./NotFoundPage.js')).NotFoundPage }),
              },
            ],
          },
        ],
      },
    ],
  },
]);
