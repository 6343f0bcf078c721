export * from './detectors.ts';
export * from './service.ts';
export * from './thresholds.ts';
