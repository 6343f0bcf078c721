export * from './database.ts';
export { migrations } from './migrations/index.ts';
export { accountsRepository } from './repositories/accounts.ts';
export { practiceStore } from './repositories/practices.ts';
export { getOrCreateSetting } from './repositories/settings.ts';
export { tokensRepository } from './repositories/tokens.ts';
export type { Database } from './schema.ts';
