import { describe, expect, it } from 'vitest';
import { importSummaryInWords } from '../src/pages/settings/DataPage.tsx';

describe('importSummaryInWords', () => {
  it('counts practices, check-ins and areas in the singular when there is one', () => {
    expect(importSummaryInWords({ practicesCreated: 3, practicesUpdated: 0, checkins: 180, areas: 1 })).toBe(
      '3 practices created, 0 updated, 180 check-ins, 1 area.',
    );
    expect(importSummaryInWords({ practicesCreated: 1, practicesUpdated: 2, checkins: 1, areas: 0 })).toBe(
      '1 practice created, 2 updated, 1 check-in.',
    );
    expect(importSummaryInWords({ practicesCreated: 2, practicesUpdated: 0, checkins: 20, areas: 3 })).toBe(
      '2 practices created, 0 updated, 20 check-ins, 3 areas.',
    );
  });
});
