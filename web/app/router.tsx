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
          Component: (await import('../features/invitations/AcceptInvitationPage.js')).AcceptInvitationPage,
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
                lazy: async () => ({ Component: (await import('../features/my-work/MyWorkPage.js')).MyWorkPage }),
              },
              {
                path: 'tasks/:id',
                lazy: async () => ({ Component: (await import('../features/task-view/TaskPage.js')).TaskPage }),
              },
              ...projectRoutes,
              {
                path: 'dashboard',
                lazy: async () => ({
                  Component: (await import('../features/placeholder/ComingSoonPage.js')).DashboardPage,
                }),
              },
              {
                path: 'time',
                lazy: async () => ({ Component: (await import('../features/timesheet/TimesheetPage.js')).TimesheetPage }),
              },
              {
                path: 'time/approvals',
                lazy: async () => ({ Component: (await import('../features/timesheet/ApprovalsPage.js')).ApprovalsPage }),
              },
              {
                path: 'reports',
                lazy: async () => ({ Component: (await import('../features/reports/ReportsPage.js')).ReportsPage }),
              },
              { path: 'people', lazy: async () => ({ Component: (await import('../features/people/PeoplePage.js')).PeoplePage }) },
              {
                path: 'settings',
                lazy: async () => ({ Component: (await import('../features/settings/SettingsPage.js')).SettingsPage }),
              },
              {
                path: 'notifications',
                lazy: async () => ({
                  Component: (await import('../features/notifications/NotificationsPage.js')).NotificationsPage,
                }),
              },
              {
                path: 'profile',
                lazy: async () => ({ Component: (await import('../features/profile/ProfilePage.js')).ProfilePage }),
              },
              {
                path: '*',
                lazy: async () => ({ Component: (await import('../features/placeholder/NotFoundPage.js')).NotFoundPage }),
              },
            ],
          },
        ],
      },
    ],
  },
]);
