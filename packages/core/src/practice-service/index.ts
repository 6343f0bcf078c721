export * from './ports.ts';
export { PURGE_AFTER_DAYS, stateOf, toPracticeDto } from './present.ts';
export * from './service.ts';
