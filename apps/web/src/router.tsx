import { createBrowserRouter, Navigate } from 'react-router';
import { onUnauthorized, queryClient } from './api.ts';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { PUBLIC_PATHS, type SignInState } from './auth/session.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { PublicLayout } from './layout/PublicLayout.tsx';
import { ComingSoonPage } from './pages/ComingSoonPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { EditPracticePage, NewPracticePage } from './pages/practices/PracticeFormPage.tsx';
import { PracticesPage } from './pages/practices/PracticesPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SignUpPage } from './pages/SignUpPage.tsx';
import { DataPage } from './pages/settings/DataPage.tsx';
import { TodayPage } from './pages/TodayPage.tsx';
import { WelcomePage } from './pages/WelcomePage.tsx';
import { SECTIONS } from './sections.ts';

export const router = createBrowserRouter([
  {
    errorElement: <ErrorPage />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/sign-up', element: <SignUpPage /> },
          { path: '/welcome', element: <WelcomePage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <Navigate to="/today" replace /> },
              { path: '/today', element: <TodayPage /> },
              { path: '/settings', element: <SettingsPage /> },
              { path: '/settings/data', element: <DataPage /> },
              { path: '/practices', element: <PracticesPage /> },
              { path: '/practices/new', element: <NewPracticePage /> },
              {
                path: '/practices/:id',
                // The practice page carries the chart library: loaded when first opened.
                lazy: async () => ({ Component: (await import('./pages/practices/PracticePage.tsx')).PracticePage }),
              },
              { path: '/practices/:id/edit', element: <EditPracticePage /> },
              ...SECTIONS.filter((s) => !s.ready).map((s) => ({
                path: s.path,
                element: <ComingSoonPage section={s} />,
              })),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

// Any call answering 401 outside the public pages: the session ended. Go to sign-in, come back after.
onUnauthorized(() => {
  const { pathname, search } = router.state.location;
  if (PUBLIC_PATHS.includes(pathname)) return;
  const state: SignInState = { notice: 'Your session has ended. Please sign in again.' };
  void router
    .navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true, state })
    .then(() => queryClient.removeQueries());
});
