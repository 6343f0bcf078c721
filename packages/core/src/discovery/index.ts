export * from './ports.ts';
export { type DiscoveryDeps, mondayOf, shiftWeek, weeksBetween } from './shared.ts';
