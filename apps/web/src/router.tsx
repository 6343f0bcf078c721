import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { onUnauthorized, queryClient } from './api.ts';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { PUBLIC_PATHS, type SignInState } from './auth/session.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { PublicLayout } from './layout/PublicLayout.tsx';
import { ComingSoonPage } from './pages/ComingSoonPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { TodayPage } from './pages/TodayPage.tsx';
import { SECTIONS } from './sections.ts';
import { Loading } from './ui/Loading.tsx';

/**
 * A page loaded when first opened (its own chunk), shown inside the layout with the app's loading UI
 * meanwhile. Only Today (the landing page) and sign-in are in the first bundle; the chart library is
 * reached only through the practice and progress pages.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return (
    <Suspense fallback={<Loading label="Loading the page…" />}>
      <Page />
    </Suspense>
  );
}

const directions = () => import('./pages/directions/DirectionsPage.tsx');
const direction = () => import('./pages/directions/DirectionPage.tsx');
const experiments = () => import('./pages/experiments/ExperimentsPage.tsx');
const goalForm = () => import('./pages/goals/GoalFormPage.tsx');
const practiceForm = () => import('./pages/practices/PracticeFormPage.tsx');
const review = () => import('./pages/review/ReviewPage.tsx');

export const router = createBrowserRouter([
  {
    errorElement: <ErrorPage />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/sign-up', element: page(() => import('./pages/SignUpPage.tsx'), 'SignUpPage') },
          { path: '/welcome', element: page(() => import('./pages/WelcomePage.tsx'), 'WelcomePage') },
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
              { path: '/settings', element: page(() => import('./pages/SettingsPage.tsx'), 'SettingsPage') },
              { path: '/settings/data', element: page(() => import('./pages/settings/DataPage.tsx'), 'DataPage') },
              {
                path: '/practices',
                element: page(() => import('./pages/practices/PracticesPage.tsx'), 'PracticesPage'),
              },
              { path: '/practices/new', element: page(practiceForm, 'NewPracticePage') },
              // The practice page carries the chart library.
              {
                path: '/practices/:id',
                element: page(() => import('./pages/practices/PracticePage.tsx'), 'PracticePage'),
              },
              { path: '/practices/:id/edit', element: page(practiceForm, 'EditPracticePage') },
              { path: '/directions', element: page(directions, 'DirectionsPage') },
              { path: '/directions/:id', element: page(direction, 'DirectionPage') },
              { path: '/chains', element: page(() => import('./pages/chains/ChainsPage.tsx'), 'ChainsPage') },
              { path: '/experiments', element: page(experiments, 'ExperimentsPage') },
              {
                path: '/experiments/new',
                element: page(() => import('./pages/experiments/NewExperimentPage.tsx'), 'NewExperimentPage'),
              },
              { path: '/experiments/learnings', element: page(experiments, 'LearningsPage') },
              {
                path: '/experiments/:id',
                element: page(() => import('./pages/experiments/ExperimentPage.tsx'), 'ExperimentPage'),
              },
              { path: '/goals', element: page(() => import('./pages/goals/GoalsPage.tsx'), 'GoalsPage') },
              { path: '/goals/new', element: page(goalForm, 'NewGoalPage') },
              { path: '/goals/:id', element: page(() => import('./pages/goals/GoalPage.tsx'), 'GoalPage') },
              { path: '/goals/:id/edit', element: page(goalForm, 'EditGoalPage') },
              { path: '/advisor', element: page(() => import('./pages/advisor/AdvisorPage.tsx'), 'AdvisorPage') },
              {
                path: '/intentions',
                element: page(() => import('./pages/intentions/IntentionsPage.tsx'), 'IntentionsPage'),
              },
              // The weekly review, its history and progress (progress carries the chart library).
              { path: '/review', element: page(review, 'ReviewPage') },
              {
                path: '/review/history',
                element: page(() => import('./pages/review/ReviewHistoryPage.tsx'), 'ReviewHistoryPage'),
              },
              {
                path: '/review/progress',
                element: page(() => import('./pages/progress/ProgressPage.tsx'), 'ProgressPage'),
              },
              { path: '/progress', element: <Navigate to="/review/progress" replace /> },
              { path: '/review/:week', element: page(review, 'ReviewPage') },
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
