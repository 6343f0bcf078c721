export * from './accounts/index.ts';
export * from './authorized.ts';
export * from './clock.ts';
export * from './errors.ts';
export * from './practices/index.ts';
