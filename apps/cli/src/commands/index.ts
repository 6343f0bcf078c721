import type { Register } from '../context.ts';
import * as db from './db.ts';
import * as login from './login.ts';
import * as logout from './logout.ts';
import * as serve from './serve.ts';
import * as tokens from './tokens.ts';
import * as whoami from './whoami.ts';

/**
 * Every top-level command, in the order `tack --help` shows them (grouped by each command's helpGroup).
 * To add one: write src/commands/<name>.ts exporting `register` (see login.ts), then add it here.
 * Planned, in this order at the top: today, checkin, practices, goals, review, import.
 */
export const commands: readonly { register: Register }[] = [login, logout, whoami, tokens, serve, db];
