export * from './advise.ts';
export * from './rules.ts';
export * from './service.ts';
