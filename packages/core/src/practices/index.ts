export * from './dates.ts';
export * from './explain.ts';
export * from './history.ts';
export * from './ports.ts';
export { PURGE_AFTER_DAYS, stateOf, toPracticeDto } from './present.ts';
export * from './schedule.ts';
export * from './service.ts';
export * from './streaks.ts';
export * from './strength.ts';
