import { Navigate, type RouteObject } from 'react-router';
import { ChannelAccountPage } from '../channels/channel-account-page';
import { ChannelListPage } from '../channels/channel-list-page';
import { ApiKeysPage } from './api-keys/api-keys-page';
import { AuditLogPage } from './audit-log/audit-log-page';
import { SettingsLayout } from './settings-layout';
import { UsersPage } from './users/users-page';
import { WorkspacePage } from './workspace/workspace-page';

/** /settings/users, /settings/api-keys, /settings/workspace, /settings/audit-log and /settings/channels, inside the settings layout. */
export const settingsRoutes: RouteObject = {
  path: '/settings',
  element: <SettingsLayout />,
  children: [
    { index: true, element: <Navigate to="/settings/users" replace /> },
    { path: 'users', element: <UsersPage /> },
    { path: 'api-keys', element: <ApiKeysPage /> },
    { path: 'workspace', element: <WorkspacePage /> },
    { path: 'audit-log', element: <AuditLogPage /> },
    { path: 'channels', element: <ChannelListPage /> },
    { path: 'channels/:id', element: <ChannelAccountPage /> },
  ],
};
