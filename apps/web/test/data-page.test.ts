import { TackApiError } from '@tack/client';
import { describe, expect, it } from 'vitest';
import { fileErrorMessage, importSummaryInWords } from '../src/pages/settings/DataPage.tsx';

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

describe('fileErrorMessage', () => {
  it('says a file could not be imported without the API field path, and keeps checks made in the page', () => {
    const habitica = new TackApiError(400, 'VALIDATION_FAILED', 'file.tasks: not a Habitica user data export', {
      issues: [
        { path: 'file.tasks', message: 'not a Habitica user data export (userdata.json): at "tasks", required' },
      ],
    });
    expect(fileErrorMessage(habitica)).toBe(
      `This file can't be imported: not a Habitica user data export (userdata.json): at "tasks", required.`,
    );
    const loop = new TackApiError(400, 'VALIDATION_FAILED', 'file: not a Loop Habit Tracker file', {
      issues: [{ path: 'file', message: 'not a Loop Habit Tracker file: expected its database backup (.db)' }],
    });
    expect(fileErrorMessage(loop)).toBe(
      "This file can't be imported: not a Loop Habit Tracker file: expected its database backup (.db).",
    );
    const backup = new TackApiError(400, 'VALIDATION_FAILED', 'practices.0.name: at most 120 characters', {
      issues: [{ path: 'practices.0.name', message: 'at most 120 characters' }],
    });
    expect(fileErrorMessage(backup)).toBe('practices.0.name: at most 120 characters');
    expect(fileErrorMessage(new Error('The file is larger than 64 MB, the most one import takes.'))).toBe(
      'The file is larger than 64 MB, the most one import takes.',
    );
  });
});
