import { randomUUID } from 'node:crypto';
import {
  type AdvisorService,
  advisorService,
  type ChainsService,
  type Clock,
  chainsService,
  type DirectionsService,
  type DiscoveryDeps,
  directionsService,
  type ExperimentsService,
  experimentsService,
  type GoalsService,
  goalsService,
  type IntentionsService,
  intentionsService,
  type MilestonesService,
  milestonesService,
  type PersonSettings,
  practicesService,
} from '@tack/core';
import { accountsRepository, discoveryStore, type OpenDatabase, practiceStore } from '@tack/db';

export interface DiscoveryServices {
  directions: DirectionsService;
  experiments: ExperimentsService;
  goals: GoalsService;
  intentions: IntentionsService;
  advisor: AdvisorService;
  chains: ChainsService;
  milestones: MilestonesService;
}

/** A person's time zone and week start, as the discovery and review services read them. */
export function personSettingsOf(accounts: ReturnType<typeof accountsRepository>) {
  return async (userId: string): Promise<PersonSettings> => {
    const user = await accounts.getUser(userId);
    return { timeZone: user?.timeZone ?? 'UTC', weekStart: user?.weekStart ?? 'monday' };
  };
}

/** Issue 4's services (directions … milestones), wired like the practices service they build on. */
export function createDiscoveryServices(database: OpenDatabase, clock: Clock): DiscoveryServices {
  const { db } = database;
  const accounts = accountsRepository(db);
  const deps: DiscoveryDeps = {
    store: discoveryStore(db),
    clock,
    newId: randomUUID,
    // Practices are stateless over their store: this instance shares the database with the main one.
    practices: practicesService({
      store: practiceStore(db),
      clock,
      newId: randomUUID,
      timeZoneOf: async (userId) => (await accounts.getUser(userId))?.timeZone ?? 'UTC',
    }),
    personOf: personSettingsOf(accounts),
  };
  return {
    directions: directionsService(deps),
    experiments: experimentsService(deps),
    goals: goalsService(deps),
    intentions: intentionsService(deps),
    advisor: advisorService(deps),
    chains: chainsService(deps),
    milestones: milestonesService(deps),
  };
}
