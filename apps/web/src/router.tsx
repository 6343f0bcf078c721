import { createBrowserRouter, Navigate } from 'react-router';
import { onUnauthorized, queryClient } from './api.ts';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { PUBLIC_PATHS, type SignInState } from './auth/session.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { PublicLayout } from './layout/PublicLayout.tsx';
import { AdvisorPage } from './pages/advisor/AdvisorPage.tsx';
import { ComingSoonPage } from './pages/ComingSoonPage.tsx';
import { ChainsPage } from './pages/chains/ChainsPage.tsx';
import { DirectionPage } from './pages/directions/DirectionPage.tsx';
import { DirectionsPage } from './pages/directions/DirectionsPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { ExperimentPage } from './pages/experiments/ExperimentPage.tsx';
import { ExperimentsPage, LearningsPage } from './pages/experiments/ExperimentsPage.tsx';
import { NewExperimentPage } from './pages/experiments/NewExperimentPage.tsx';
import { EditGoalPage, NewGoalPage } from './pages/goals/GoalFormPage.tsx';
import { GoalPage } from './pages/goals/GoalPage.tsx';
import { GoalsPage } from './pages/goals/GoalsPage.tsx';
import { IntentionsPage } from './pages/intentions/IntentionsPage.tsx';
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
              { path: '/directions', element: <DirectionsPage /> },
              { path: '/directions/:id', element: <DirectionPage /> },
              { path: '/chains', element: <ChainsPage /> },
              { path: '/experiments', element: <ExperimentsPage /> },
              { path: '/experiments/new', element: <NewExperimentPage /> },
              { path: '/experiments/learnings', element: <LearningsPage /> },
              { path: '/experiments/:id', element: <ExperimentPage /> },
              { path: '/goals', element: <GoalsPage /> },
              { path: '/goals/new', element: <NewGoalPage /> },
              { path: '/goals/:id', element: <GoalPage /> },
              { path: '/goals/:id/edit', element: <EditGoalPage /> },
              { path: '/advisor', element: <AdvisorPage /> },
              { path: '/intentions', element: <IntentionsPage /> },
              // The weekly review, its history and progress (progress carries the chart library).
              {
                path: '/review',
                lazy: async () => ({ Component: (await import('./pages/review/ReviewPage.tsx')).ReviewPage }),
              },
              {
                path: '/review/history',
                lazy: async () => ({
                  Component: (await import('./pages/review/ReviewHistoryPage.tsx')).ReviewHistoryPage,
                }),
              },
              {
                path: '/review/progress',
                lazy: async () => ({ Component: (await import('./pages/progress/ProgressPage.tsx')).ProgressPage }),
              },
              { path: '/progress', element: <Navigate to="/review/progress" replace /> },
              {
                path: '/review/:week',
                lazy: async () => ({ Component: (await import('./pages/review/ReviewPage.tsx')).ReviewPage }),
              },
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
