export * from './authorized.ts';
export * from './clock.ts';
export * from './errors.ts';
export * from './accounts/index.ts';
