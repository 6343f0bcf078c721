export * from './ports.ts';
export * from './service.ts';
