// Client methods for issue 4: directions, experiments and learnings, goals, intentions, the advisor,
// backwards chains and milestone maps. Mixed into createClient (index.ts).
import {
  type Advice,
  type AdvisorAnswersInput,
  adviceSchema,
  type Chain,
  type CreateDirection,
  type CreateGoalInput,
  type CreateMilestone,
  chainListSchema,
  chainSchema,
  type Direction,
  directionListSchema,
  directionSchema,
  type Experiment,
  experimentListSchema,
  experimentSchema,
  type FrequencyDto,
  type Goal,
  type GoalAdvice,
  type GoalRevision,
  goalAdviceSchema,
  goalListSchema,
  goalRevisionListSchema,
  goalSchema,
  type Horizon,
  type Intention,
  type IntentionWeek,
  intentionListSchema,
  intentionSchema,
  intentionWeekListSchema,
  intentionWeekSchema,
  type Learning,
  learningListSchema,
  type Milestone,
  type MilestoneMap,
  milestoneMapSchema,
  milestoneSchema,
  type Practice,
  practiceSchema,
  type UpdateDirection,
  type UpdateExperiment,
  type UpdateGoalInput,
  type UpdateIntention,
  type VerdictResult,
  verdictResultSchema,
} from '@tack/contracts';
import { z } from 'zod';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** The client's request function (createClient's `request`). */
export type SchemaRequest = <S extends z.ZodType | undefined = undefined>(
  method: Method,
  path: string,
  opts?: {
    body?: unknown;
    query?: Record<string, string | number | boolean | undefined>;
    schema?: S;
    headers?: Record<string, string>;
  },
) => Promise<S extends z.ZodType ? z.infer<S> : unknown>;

const enc = encodeURIComponent;
const directionBody = z.object({ direction: directionSchema });
const experimentBody = z.object({ experiment: experimentSchema });
const goalBody = z.object({ goal: goalSchema });
const intentionBody = z.object({ intention: intentionSchema });
const chainBody = z.object({ chain: chainSchema });
const milestoneBody = z.object({ milestone: milestoneSchema });
const confirm = (yes?: boolean) => ({ confirm: yes ? 'true' : undefined });
const deleted = { state: 'deleted' } as const;

/** Turning an answer or a chain step into a practice. */
export interface MakePracticeInput {
  frequency: FrequencyDto;
  name?: string;
  startDate?: string;
  ifThen?: { cue: string; action: string } | null;
}

export interface VerdictInput {
  verdict: 'deepen' | 'adjust' | 'letGo';
  learned: string;
  decidedOn?: string;
  /** deepen only */
  goal?: CreateGoalInput;
  /** adjust only */
  changes?: UpdateExperiment & { startDate?: string };
}

export function discoveryMethods(request: SchemaRequest) {
  return {
    directions: {
      list: async (): Promise<Direction[]> =>
        (await request('GET', '/api/v1/directions', { schema: directionListSchema })).directions,
      get: async (id: string): Promise<Direction> =>
        (await request('GET', `/api/v1/directions/${enc(id)}`, { schema: directionBody })).direction,
      create: async (input: CreateDirection): Promise<Direction> =>
        (await request('POST', '/api/v1/directions', { body: input, schema: directionBody })).direction,
      update: async (id: string, patch: UpdateDirection): Promise<Direction> =>
        (await request('PATCH', `/api/v1/directions/${enc(id)}`, { body: patch, schema: directionBody })).direction,
      /** Soft; a direction with answers or experiments needs `confirm` (else CONFIRMATION_REQUIRED). */
      remove: async (id: string, opts: { confirm?: boolean } = {}): Promise<Direction> =>
        (
          await request('DELETE', `/api/v1/directions/${enc(id)}`, {
            query: confirm(opts.confirm),
            schema: directionBody,
          })
        ).direction,
      /** The deleted (soft) ones, most recently deleted first. */
      listDeleted: async (): Promise<Direction[]> =>
        (await request('GET', '/api/v1/directions', { query: deleted, schema: directionListSchema })).directions,
      /** Brings a deleted direction back as it was; one that is not deleted comes back unchanged. */
      restore: async (id: string): Promise<Direction> =>
        (await request('POST', `/api/v1/directions/${enc(id)}/restore`, { body: {}, schema: directionBody })).direction,
      addAnswer: async (id: string, text: string): Promise<Direction> =>
        (await request('POST', `/api/v1/directions/${enc(id)}/answers`, { body: { text }, schema: directionBody }))
          .direction,
      removeAnswer: async (id: string, answerId: string): Promise<Direction> =>
        (
          await request('DELETE', `/api/v1/directions/${enc(id)}/answers/${enc(answerId)}`, {
            schema: directionBody,
          })
        ).direction,
      answerToPractice: (
        id: string,
        answerId: string,
        input: MakePracticeInput,
      ): Promise<{ practice: Practice; direction: Direction }> =>
        request('POST', `/api/v1/directions/${enc(id)}/answers/${enc(answerId)}/practice`, {
          body: input,
          schema: z.object({ practice: practiceSchema, direction: directionSchema }),
        }),
    },
    experiments: {
      list: async (filter: { directionId?: string } = {}): Promise<Experiment[]> =>
        (await request('GET', '/api/v1/experiments', { query: filter, schema: experimentListSchema })).experiments,
      get: async (id: string): Promise<Experiment> =>
        (await request('GET', `/api/v1/experiments/${enc(id)}`, { schema: experimentBody })).experiment,
      /**
       * Throws TackApiError CONFLICT (409) with details {currentExperimentId, decisionDate} while another
       * experiment in the direction runs: offer "decide now" (verdict) or a later start.
       */
      create: async (input: {
        directionId: string;
        hypothesis: string;
        practiceIds?: string[];
        startDate?: string;
        lengthWeeks?: number;
      }): Promise<Experiment> =>
        (await request('POST', '/api/v1/experiments', { body: input, schema: experimentBody })).experiment,
      update: async (id: string, patch: UpdateExperiment): Promise<Experiment> =>
        (await request('PATCH', `/api/v1/experiments/${enc(id)}`, { body: patch, schema: experimentBody })).experiment,
      remove: async (id: string, opts: { confirm?: boolean } = {}): Promise<Experiment> =>
        (
          await request('DELETE', `/api/v1/experiments/${enc(id)}`, {
            query: confirm(opts.confirm),
            schema: experimentBody,
          })
        ).experiment,
      /** The deleted (soft) ones, most recently deleted first. */
      listDeleted: async (filter: { directionId?: string } = {}): Promise<Experiment[]> =>
        (
          await request('GET', '/api/v1/experiments', {
            query: { ...filter, ...deleted },
            schema: experimentListSchema,
          })
        ).experiments,
      /** Brings a deleted experiment back with its notes and verdict. */
      restore: async (id: string): Promise<Experiment> =>
        (await request('POST', `/api/v1/experiments/${enc(id)}/restore`, { body: {}, schema: experimentBody }))
          .experiment,
      addNote: async (
        id: string,
        note: { tag: 'energises' | 'drains'; text: string; date?: string },
      ): Promise<Experiment> =>
        (await request('POST', `/api/v1/experiments/${enc(id)}/notes`, { body: note, schema: experimentBody }))
          .experiment,
      updateNote: async (
        id: string,
        noteId: string,
        patch: { tag?: 'energises' | 'drains'; text?: string },
      ): Promise<Experiment> =>
        (
          await request('PATCH', `/api/v1/experiments/${enc(id)}/notes/${enc(noteId)}`, {
            body: patch,
            schema: experimentBody,
          })
        ).experiment,
      removeNote: async (id: string, noteId: string): Promise<Experiment> =>
        (await request('DELETE', `/api/v1/experiments/${enc(id)}/notes/${enc(noteId)}`, { schema: experimentBody }))
          .experiment,
      decide: (id: string, input: VerdictInput): Promise<VerdictResult> =>
        request('POST', `/api/v1/experiments/${enc(id)}/verdict`, { body: input, schema: verdictResultSchema }),
    },
    learnings: async (): Promise<Learning[]> =>
      (await request('GET', '/api/v1/learnings', { schema: learningListSchema })).learnings,
    goals: {
      list: async (filter: { status?: Goal['status']; kind?: Goal['kind'] } = {}): Promise<Goal[]> =>
        (await request('GET', '/api/v1/goals', { query: filter, schema: goalListSchema })).goals,
      get: async (id: string): Promise<Goal> =>
        (await request('GET', `/api/v1/goals/${enc(id)}`, { schema: goalBody })).goal,
      create: async (input: CreateGoalInput): Promise<Goal> =>
        (await request('POST', '/api/v1/goals', { body: input, schema: goalBody })).goal,
      /** Every edit needs `reason`; it becomes a revision. */
      update: async (id: string, patch: UpdateGoalInput): Promise<Goal> =>
        (await request('PATCH', `/api/v1/goals/${enc(id)}`, { body: patch, schema: goalBody })).goal,
      remove: async (id: string, opts: { confirm?: boolean } = {}): Promise<Goal> =>
        (await request('DELETE', `/api/v1/goals/${enc(id)}`, { query: confirm(opts.confirm), schema: goalBody })).goal,
      /** The deleted (soft) ones, most recently deleted first. */
      listDeleted: async (filter: { status?: Goal['status']; kind?: Goal['kind'] } = {}): Promise<Goal[]> =>
        (await request('GET', '/api/v1/goals', { query: { ...filter, ...deleted }, schema: goalListSchema })).goals,
      /** Brings a deleted goal back with its revisions. */
      restore: async (id: string): Promise<Goal> =>
        (await request('POST', `/api/v1/goals/${enc(id)}/restore`, { body: {}, schema: goalBody })).goal,
      revisions: async (id: string): Promise<GoalRevision[]> =>
        (await request('GET', `/api/v1/goals/${enc(id)}/revisions`, { schema: goalRevisionListSchema })).revisions,
      advice: (id: string, answers: AdvisorAnswersInput): Promise<GoalAdvice> =>
        request('POST', `/api/v1/goals/${enc(id)}/advice`, { body: answers, schema: goalAdviceSchema }),
    },
    intentions: {
      list: async (): Promise<Intention[]> =>
        (await request('GET', '/api/v1/intentions', { schema: intentionListSchema })).intentions,
      get: async (id: string): Promise<Intention> =>
        (await request('GET', `/api/v1/intentions/${enc(id)}`, { schema: intentionBody })).intention,
      create: async (input: {
        statement: string;
        why?: string | null;
        horizon?: Horizon;
        practiceIds?: string[];
        goalIds?: string[];
      }): Promise<Intention> =>
        (await request('POST', '/api/v1/intentions', { body: input, schema: intentionBody })).intention,
      update: async (id: string, patch: UpdateIntention): Promise<Intention> =>
        (await request('PATCH', `/api/v1/intentions/${enc(id)}`, { body: patch, schema: intentionBody })).intention,
      remove: async (id: string, opts: { confirm?: boolean } = {}): Promise<Intention> =>
        (
          await request('DELETE', `/api/v1/intentions/${enc(id)}`, {
            query: confirm(opts.confirm),
            schema: intentionBody,
          })
        ).intention,
      /** The deleted (soft) ones, most recently deleted first. */
      listDeleted: async (): Promise<Intention[]> =>
        (await request('GET', '/api/v1/intentions', { query: deleted, schema: intentionListSchema })).intentions,
      /** Brings a deleted intention back with its weekly answers. */
      restore: async (id: string): Promise<Intention> =>
        (await request('POST', `/api/v1/intentions/${enc(id)}/restore`, { body: {}, schema: intentionBody })).intention,
      weeks: async (id: string): Promise<IntentionWeek[]> =>
        (await request('GET', `/api/v1/intentions/${enc(id)}/weeks`, { schema: intentionWeekListSchema })).weeks,
      /** isoWeek like 2026-W47; not a future week. */
      putWeek: async (id: string, isoWeek: string, answer: string): Promise<IntentionWeek> =>
        (
          await request('PUT', `/api/v1/intentions/${enc(id)}/weeks/${enc(isoWeek)}`, {
            body: { answer },
            schema: z.object({ week: intentionWeekSchema }),
          })
        ).week,
    },
    advisor: {
      advise: (answers: AdvisorAnswersInput): Promise<Advice> =>
        request('POST', '/api/v1/advisor', { body: answers, schema: adviceSchema }),
    },
    chains: {
      list: async (): Promise<Chain[]> => (await request('GET', '/api/v1/chains', { schema: chainListSchema })).chains,
      get: async (id: string): Promise<Chain> =>
        (await request('GET', `/api/v1/chains/${enc(id)}`, { schema: chainBody })).chain,
      create: async (input: { thisWeek: string; title?: string | null; isoWeek?: string }): Promise<Chain> =>
        (await request('POST', '/api/v1/chains', { body: input, schema: chainBody })).chain,
      remove: async (id: string, opts: { confirm?: boolean } = {}): Promise<Chain> =>
        (await request('DELETE', `/api/v1/chains/${enc(id)}`, { query: confirm(opts.confirm), schema: chainBody }))
          .chain,
      /** The deleted (soft) ones, most recently deleted first. */
      listDeleted: async (): Promise<Chain[]> =>
        (await request('GET', '/api/v1/chains', { query: deleted, schema: chainListSchema })).chains,
      /** Brings a deleted chain back with its steps. */
      restore: async (id: string): Promise<Chain> =>
        (await request('POST', `/api/v1/chains/${enc(id)}/restore`, { body: {}, schema: chainBody })).chain,
      /** Adds the step for the week before the earliest one. */
      addStep: async (id: string, text: string): Promise<Chain> =>
        (await request('POST', `/api/v1/chains/${enc(id)}/steps`, { body: { text }, schema: chainBody })).chain,
      updateStep: async (
        id: string,
        stepId: string,
        patch: { text?: string; task?: boolean; done?: boolean },
      ): Promise<Chain> =>
        (
          await request('PATCH', `/api/v1/chains/${enc(id)}/steps/${enc(stepId)}`, {
            body: patch,
            schema: chainBody,
          })
        ).chain,
      removeStep: async (id: string, stepId: string): Promise<Chain> =>
        (await request('DELETE', `/api/v1/chains/${enc(id)}/steps/${enc(stepId)}`, { schema: chainBody })).chain,
      stepToPractice: (
        id: string,
        stepId: string,
        input: MakePracticeInput,
      ): Promise<{ practice: Practice; chain: Chain }> =>
        request('POST', `/api/v1/chains/${enc(id)}/steps/${enc(stepId)}/practice`, {
          body: input,
          schema: z.object({ practice: practiceSchema, chain: chainSchema }),
        }),
    },
    milestones: {
      /** The original plan beside the current one, for exactly one of goalId or directionId. */
      map: (of: { goalId: string } | { directionId: string }): Promise<MilestoneMap> =>
        request('GET', '/api/v1/milestones', { query: of, schema: milestoneMapSchema }),
      get: async (id: string): Promise<Milestone> =>
        (await request('GET', `/api/v1/milestones/${enc(id)}`, { schema: milestoneBody })).milestone,
      create: async (input: CreateMilestone): Promise<Milestone> =>
        (await request('POST', '/api/v1/milestones', { body: input, schema: milestoneBody })).milestone,
      /** Move (targetDate) or change (title); `reason` is required. */
      update: async (id: string, patch: { title?: string; targetDate?: string; reason: string }): Promise<Milestone> =>
        (await request('PATCH', `/api/v1/milestones/${enc(id)}`, { body: patch, schema: milestoneBody })).milestone,
      drop: async (id: string, reason: string): Promise<Milestone> =>
        (await request('POST', `/api/v1/milestones/${enc(id)}/drop`, { body: { reason }, schema: milestoneBody }))
          .milestone,
      reach: async (id: string): Promise<Milestone> =>
        (await request('POST', `/api/v1/milestones/${enc(id)}/reach`, { body: {}, schema: milestoneBody })).milestone,
      /** Undoes reach. */
      reopen: async (id: string): Promise<Milestone> =>
        (await request('POST', `/api/v1/milestones/${enc(id)}/reopen`, { body: {}, schema: milestoneBody })).milestone,
    },
  };
}
