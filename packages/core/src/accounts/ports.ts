import type { ApiToken, UpdateMe, User } from '@tack/contracts';

/** Storage the accounts service needs; packages/db implements it for SQLite and PostgreSQL. */
export interface AccountsPort {
  getUser(userId: string): Promise<User | null>;
  updateUser(userId: string, patch: UpdateMe, at: string): Promise<User | null>;
  countUsers(): Promise<number>;
}

export interface NewTokenRow {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  tokenHash: string;
  createdAt: string;
}

export interface TokensPort {
  insert(row: NewTokenRow): Promise<void>;
  listActive(userId: string): Promise<ApiToken[]>;
  countActive(userId: string): Promise<number>;
  /** Marks the token revoked when it belongs to userId; false when there is no such active token. */
  revoke(userId: string, tokenId: string, at: string): Promise<boolean>;
  findActiveByHash(tokenHash: string): Promise<{ id: string; userId: string; lastUsedAt: string | null } | null>;
  touch(tokenId: string, at: string): Promise<void>;
}

/** A fresh secret and what is stored of it (never the secret itself). */
export interface MintedSecret {
  token: string;
  prefix: string;
  hash: string;
}
