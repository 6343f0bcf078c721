import type { Today } from '@tack/contracts';
import { Lru } from '../lru.ts';

/**
 * The last Today view built for each person and date asked for (a slot), valid while its key is
 * unchanged. The key holds the person's data revision (bumped in the same transaction as every write
 * to what Today shows), their time zone and the local date now; several app servers can each keep
 * one, as the revision is read from the database on every request. Least recently used slots go
 * first.
 */
export class TodayCache {
  readonly #entries: Lru<string, { key: string; view: Today }>;
  readonly maxSlots: number;

  constructor(maxSlots = 512) {
    this.maxSlots = maxSlots;
    this.#entries = new Lru(maxSlots);
  }

  get(slot: string, key: string): Today | undefined {
    const entry = this.#entries.get(slot);
    return entry?.key === key ? entry.view : undefined;
  }

  set(slot: string, key: string, view: Today): void {
    this.#entries.set(slot, { key, view });
  }

  get size(): number {
    return this.#entries.size;
  }
}
