import type { Register } from '../context.ts';
import * as advise from './advise.ts';
import * as chains from './chains.ts';
import * as checkin from './checkin.ts';
import * as db from './db.ts';
import * as directions from './directions.ts';
import * as experiments from './experiments.ts';
import * as exportCmd from './export.ts';
import * as goals from './goals.ts';
import * as importCmd from './import.ts';
import * as insights from './insights.ts';
import * as intentions from './intentions.ts';
import * as login from './login.ts';
import * as logout from './logout.ts';
import * as practices from './practices.ts';
import * as restore from './restore.ts';
import * as review from './review.ts';
import * as serve from './serve.ts';
import * as settings from './settings.ts';
import * as today from './today.ts';
import * as tokens from './tokens.ts';
import * as whoami from './whoami.ts';

/**
 * Every top-level command, in the order `tack --help` shows them (grouped by each command's helpGroup).
 * To add one: write src/commands/<name>.ts exporting `register` (see login.ts), then add it here.
 * Planned after practices, in this order: goals, review, import.
 */
export const commands: readonly { register: Register }[] = [
  today,
  checkin,
  practices,
  directions,
  experiments,
  goals,
  intentions,
  advise,
  chains,
  review,
  insights,
  importCmd,
  exportCmd,
  restore,
  login,
  logout,
  whoami,
  settings,
  tokens,
  serve,
  db,
];
