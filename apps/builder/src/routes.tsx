import { Navigate, type RouteObject } from 'react-router';
import { ContactListPage } from './audience/contact-list-page';
import { ContactProfilePage } from './audience/contact-profile-page';
import { InvitationAcceptPage } from './auth/invitation-accept-page';
import { LoginPage } from './auth/login-page';
import { CampaignListPage } from './campaigns/campaign-list-page';
import { EditorPage } from './editor/page/editor-page';
import { ImportListPage } from './imports/import-list-page';
import { ImportWizardPage } from './imports/import-wizard-page';
import { AppShell } from './shell/app-shell';
import { NotFoundPage } from './shell/not-found-page';
import { PublicOrShell } from './shell/public-or-shell';
import { RequireSession } from './shell/require-session';
import { RouteErrorPage } from './shell/route-error-page';
import { SegmentListPage } from './segments/segment-list-page';
import { SegmentPage } from './segments/segment-page';
import { settingsRoutes } from './settings/settings-routes';
import { StatusPage } from './status/status-page';
import { VersionPage } from './editor/versions/version-page';
import { CampaignReportPage } from './reports/campaign-report-page';

/** Every screen has an address of its own, so that links can be bookmarked and shared. */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  { path: '/invitations/accept', element: <InvitationAcceptPage />, errorElement: <RouteErrorPage /> },
  {
    element: <PublicOrShell />,
    errorElement: <RouteErrorPage />,
    children: [{ path: '/status', element: <StatusPage /> }],
  },
  {
    element: <RequireSession />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppShell />,
        children: [
          // A failing screen is shown inside the shell, whose navigation still works.
          {
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <Navigate to="/campaigns" replace /> },
              { path: '/campaigns', element: <CampaignListPage /> },
              { path: '/campaigns/:id', element: <EditorPage /> },
              { path: '/campaigns/:id/versions/:version', element: <VersionPage /> },
              { path: '/campaigns/:id/report', element: <CampaignReportPage /> },
              { path: '/contacts/import', element: <ImportWizardPage /> },
              { path: '/imports', element: <ImportListPage /> },
              { path: '/contacts', element: <ContactListPage /> },
              { path: '/contacts/:id', element: <ContactProfilePage /> },
              { path: '/segments', element: <SegmentListPage /> },
              { path: '/segments/new', element: <SegmentPage /> },
              { path: '/segments/:id', element: <SegmentPage /> },
              settingsRoutes,
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
