export * from './backup.ts';
export * from './csv.ts';
export * from './habitica.ts';
export * from './loop.ts';
export type * from './plan.ts';
export * from './ports.ts';
export * from './restore.ts';
export * from './service.ts';
export * from './zip.ts';
