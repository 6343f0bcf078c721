export * from './authorized.ts';
export * from './clock.ts';
export * from './errors.ts';
export * from './accounts/index.ts';
export * from './practices/index.ts';
export * from './practice-service/index.ts';
