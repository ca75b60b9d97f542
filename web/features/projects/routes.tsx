/** The projects area's routes, loaded on demand: the list of projects, clients, and one project with its tabs. */
import { Navigate, type RouteObject } from 'react-router';

export const projectRoutes: RouteObject[] = [
  { path: 'projects', lazy: async () => ({ Component: (await import('./ProjectsPage.js')).ProjectsPage }) },
  { path: 'projects/clients', lazy: async () => ({ Component: (await import('../clients/ClientsPage.js')).ClientsPage }) },
  {
    path: 'projects/:projectId',
    lazy: async () => ({ Component: (await import('./ProjectPage.js')).ProjectPage }),
    children: [
      { index: true, element: <Navigate to="list" replace /> },
      { path: 'list', lazy: async () => ({ Component: (await import('../tasks/list/ListView.js')).ListView }) },
      { path: 'board', lazy: async () => ({ Component: (await import('../tasks/board/Board.js')).Board }) },
      { path: 'milestones', lazy: async () => ({ Component: (await import('../milestones/MilestonesTab.js')).MilestonesTab }) },
      { path: 'members', lazy: async () => ({ Component: (await import('./MembersTab.js')).MembersTab }) },
      { path: 'settings', lazy: async () => ({ Component: (await import('./SettingsTab.js')).SettingsTab }) },
      { path: '*', element: <Navigate to="list" replace /> },
    ],
  },
];
