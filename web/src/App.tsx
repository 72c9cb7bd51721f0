import type { ComponentType } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import LoginPage from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { SessionProvider } from './auth/SessionProvider';
import Shell from './layout/AppShell';
import NotFoundPage from './pages/NotFoundPage';

/** A route whose page (a default-exported component) is loaded on first visit: a small first download. */
const page = (load: () => Promise<{ default: ComponentType }>) => ({
  lazy: async () => ({ Component: (await load()).default }),
});

/** Every route of the UI. The session provider sits inside the router so pages can navigate. */
export const router = createBrowserRouter([
  {
    element: (
      <SessionProvider>
        <Outlet />
      </SessionProvider>
    ),
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: (
          <RequireAuth>
            <Shell />
          </RequireAuth>
        ),
        children: [
          { index: true, ...page(() => import('./pages/dashboard/DashboardPage')) },
          { path: 'connections', ...page(() => import('./pages/connections/ConnectionsPage')) },
          { path: 'connections/new', ...page(() => import('./pages/connections/NewConnectionPage')) },
          { path: 'connections/:id', ...page(() => import('./pages/connections/ConnectionPage')) },
          { path: 'orders', ...page(() => import('./pages/orders/OrdersPage')) },
          { path: 'orders/:id', ...page(() => import('./pages/orders/OrderDetailsPage')) },
          { path: 'attention', ...page(() => import('./pages/attention/AttentionPage')) },
          { path: 'shipments', ...page(() => import('./pages/shipments/ShipmentsPage')) },
          { path: 'stock', ...page(() => import('./pages/stock/StockPage')) },
          { path: 'sync-runs', ...page(() => import('./pages/sync-runs/SyncRunsPage')) },
          { path: 'stores', ...page(() => import('./pages/stores/StoresPage')) },
          { path: 'plan', ...page(() => import('./pages/plan/PlanPage')) },
          { path: 'settings', ...page(() => import('./pages/settings/SettingsPage')) },
          { path: 'admin', ...page(() => import('./pages/admin/AdminPage')) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
