import { describe, expect, it } from 'vitest';
import type { AggregateMeta, AggregatePort } from '../../src/discovery/ports.ts';
import { onlyDeleted, restoreIn } from '../../src/discovery/shared.ts';

type Rec = AggregateMeta & { text: string };

const rec = (id: string, deletedAt: string | null, version = 3): Rec => ({
  id,
  userId: 'u1',
  version,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
  deletedAt,
  text: `text of ${id}`,
});

/** A port that records saves and answers `saved` (false: someone else saved meanwhile). */
function port(saved = true) {
  const saves: Rec[] = [];
  const p: AggregatePort<Rec> = {
    list: async () => [],
    get: async () => null,
    insert: async () => {},
    save: async (r) => {
      saves.push(r);
      return saved;
    },
  };
  return { p, saves };
}

describe('restoring a soft-deleted discovery record', () => {
  it('clears deletedAt through the optimistic save, keeping the content', async () => {
    const { p, saves } = port();
    const back = await restoreIn(p, rec('a', '2026-11-20T00:00:00.000Z'), '2026-11-21T00:00:00.000Z');
    expect(saves).toEqual([{ ...rec('a', null), updatedAt: '2026-11-21T00:00:00.000Z' }]);
    expect(back).toEqual({ ...rec('a', null, 4), updatedAt: '2026-11-21T00:00:00.000Z' });
  });

  it('returns a record that is not deleted unchanged, without saving', async () => {
    const { p, saves } = port();
    expect(await restoreIn(p, rec('a', null), '2026-11-21T00:00:00.000Z')).toEqual(rec('a', null));
    expect(saves).toEqual([]);
  });

  it('is a CONFLICT when it changed meanwhile', async () => {
    const { p } = port(false);
    await expect(restoreIn(p, rec('a', '2026-11-20T00:00:00.000Z'), '2026-11-21T00:00:00.000Z')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('lists only deleted records, most recently deleted first', () => {
    const list = [rec('a', '2026-11-01T00:00:00.000Z'), rec('b', null), rec('c', '2026-11-05T00:00:00.000Z')];
    expect(onlyDeleted(list).map((r) => r.id)).toEqual(['c', 'a']);
  });
});
