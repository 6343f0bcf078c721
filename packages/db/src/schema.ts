// Row types: what the database holds. Domain types live in @tack/core; repositories map between them.
import type { Generated } from 'kysely';

type AuthDate = Date | string;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  email_verified: boolean | number;
  image: string | null;
  time_zone: Generated<string>;
  week_start: Generated<string>;
  /** Bumped by every write to what Today shows (migration 0007). */
  data_rev: Generated<number>;
  created_at: AuthDate;
  updated_at: AuthDate;
}

export interface SessionTable {
  id: string;
  user_id: string;
  token: string;
  expires_at: AuthDate;
  ip_address: string | null;
  user_agent: string | null;
  created_at: AuthDate;
  updated_at: AuthDate;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InstanceSettingTable {
  key: string;
  value: string;
  created_at: string;
}

export interface RoleTable {
  id: string;
  scope: string;
  description: string;
}

export interface OrganizationTable {
  id: string;
  name: string;
  slug: string;
  aggregate_floor: Generated<number>;
  created_at: string;
  deleted_at: string | null;
}

export interface MembershipTable {
  id: string;
  organization_id: string;
  user_id: string;
  role_id: string;
  created_at: string;
  ended_at: string | null;
}

export interface CoachingRelationshipTable {
  id: string;
  coach_id: string;
  coachee_id: string;
  status: string;
  created_at: string;
  ended_at: string | null;
}

export interface AreaTable {
  id: string;
  user_id: string;
  name: string;
  position: number;
  created_at: string;
  deleted_at: string | null;
}

export interface PracticeTable {
  id: string;
  user_id: string;
  area_id: string | null;
  name: string;
  description: string | null;
  why: string | null;
  color: string;
  kind: string;
  unit: string | null;
  target: number | null;
  target_type: string | null;
  /** JSON {if, then} */
  if_then: string | null;
  position: number;
  history_rev: Generated<number>;
  /** Bumped by every write concerning this practice (migration 0009; the Today cache). */
  data_rev: Generated<number>;
  external_source: string | null;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  deleted_at: string | null;
}

export interface PracticeScheduleTable {
  practice_id: string;
  effective_from: string;
  /** JSON Frequency */
  frequency: string;
  created_at: string;
}

export interface PracticePauseTable {
  id: string;
  practice_id: string;
  from_date: string;
  to_date: string | null;
  created_at: string;
}

export interface CheckinTable {
  practice_id: string;
  date: string;
  user_id: string;
  status: string;
  value: number | null;
  note: string | null;
  energy: number | null;
  created_at: string;
  updated_at: string;
}

export interface StrengthCheckpointTable {
  practice_id: string;
  date: string;
  /** JSON StrengthCheckpoint */
  state: string;
}

/** A discovery aggregate (migration 0004): filter columns, `data` (JSON of the rest), `version`. */
interface AggregateColumns {
  id: string;
  user_id: string;
  data: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type DirectionTable = AggregateColumns;
export interface ExperimentTable extends AggregateColumns {
  direction_id: string;
  start_date: string;
  decision_date: string;
  decided_on: string | null;
}
export interface GoalTable extends AggregateColumns {
  kind: string;
  status: string;
}
export interface GoalRevisionTable {
  goal_id: string;
  number: number;
  user_id: string;
  reason: string;
  /** JSON string[] */
  changed: string;
  /** JSON GoalSnapshot */
  before: string | null;
  after: string;
  created_at: string;
}
export interface IntentionTable extends AggregateColumns {
  horizon_kind: string;
  horizon_value: string | null;
}
export interface IntentionWeekTable {
  intention_id: string;
  iso_week: string;
  user_id: string;
  answer: string;
  created_at: string;
  updated_at: string;
}
export type ChainTable = AggregateColumns;
export interface MilestoneTable extends AggregateColumns {
  goal_id: string | null;
  direction_id: string | null;
  target_date: string;
  status: string;
}

/** A weekly review (migration 0005); answers, summary and applied are JSON text. */
export interface ReviewTable {
  id: string;
  user_id: string;
  week_start: string;
  status: string;
  answers: string;
  summary: string | null;
  applied: string;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface InsightDismissalTable {
  user_id: string;
  key: string;
  dismissed_at: string;
}

export interface FeedSettingTable {
  user_id: string;
  review_day: string;
  review_time: string;
  review_minutes: number;
  practice_time: string;
  secret_hash: string | null;
  secret_created_at: string | null;
  updated_at: string;
}

export interface Database {
  review: ReviewTable;
  insight_dismissal: InsightDismissalTable;
  feed_setting: FeedSettingTable;
  direction: DirectionTable;
  experiment: ExperimentTable;
  goal: GoalTable;
  goal_revision: GoalRevisionTable;
  intention: IntentionTable;
  intention_week: IntentionWeekTable;
  chain: ChainTable;
  milestone: MilestoneTable;
  area: AreaTable;
  practice: PracticeTable;
  practice_schedule: PracticeScheduleTable;
  practice_pause: PracticePauseTable;
  checkin: CheckinTable;
  strength_checkpoint: StrengthCheckpointTable;
  user: UserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  instance_setting: InstanceSettingTable;
  role: RoleTable;
  organization: OrganizationTable;
  membership: MembershipTable;
  coaching_relationship: CoachingRelationshipTable;
}

export function toIso(value: AuthDate): string {
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}
