export * from './dates.ts';
export * from './explain.ts';
export * from './history.ts';
export * from './schedule.ts';
export * from './streaks.ts';
export * from './strength.ts';
