export * from './account.ts';
export * from './common.ts';
export * from './errors.ts';
export * from './limits.ts';
export * from './practices.ts';
