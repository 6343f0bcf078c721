export * from './feed.ts';
export * from './markdown.ts';
export * from './ports.ts';
export * from './service.ts';
export * from './summary.ts';
export * from './week.ts';
