import type { Today } from '@tack/contracts';

/**
 * The last Today view built for each person and date asked for (a slot), valid while its key is
 * unchanged. The key holds the person's data revision (bumped in the same transaction as every write
 * to what Today shows), their time zone and the local date now; several app servers can each keep
 * one, as the revision is read from the database on every request. Least recently used slots go
 * first.
 */
export class TodayCache {
  readonly #entries = new Map<string, { key: string; view: Today }>();
  readonly maxSlots: number;

  constructor(maxSlots = 512) {
    this.maxSlots = maxSlots;
  }

  get(slot: string, key: string): Today | undefined {
    const entry = this.#entries.get(slot);
    if (!entry || entry.key !== key) return undefined;
    this.#entries.delete(slot);
    this.#entries.set(slot, entry);
    return entry.view;
  }

  set(slot: string, key: string, view: Today): void {
    this.#entries.delete(slot);
    if (this.#entries.size >= this.maxSlots) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(slot, { key, view });
  }

  get size(): number {
    return this.#entries.size;
  }
}
