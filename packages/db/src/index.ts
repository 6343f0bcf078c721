export * from './database.ts';
export { accountsRepository } from './repositories/accounts.ts';
export { tokensRepository } from './repositories/tokens.ts';
export type { Database } from './schema.ts';
export { getOrCreateSetting } from './repositories/settings.ts';
