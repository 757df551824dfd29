import type { EntityManager } from '@mikro-orm/core';
import { type Checkpoint, PlanStatus } from '@core/vocabulary/enums';
import { CheckpointLock, Indicator, PlanVersion } from '../entities';
import { type FieldProblem, InputError } from '../errors';

/**
 * The rules that keep an adopted plan still: an approved plan keeps its structure (a target changes only by a
 * new revision), a closed or superseded one takes nothing, and a locked checkpoint takes no actual values.
 * They hold for every path that writes (CRUD mutations here, the sheet sync in server/sync/sync-rows.ts).
 */

/** Kinds whose rows are the plan's structure: frozen once the plan is approved. */
const STRUCTURE = new Set([
  'Perspective',
  'StrategicObjective',
  'OperationalObjective',
  'Indicator',
  'Target',
  'Baseline',
  'Project',
  'Activity',
  'Dashboard',
  'DashboardEntry',
  'ManagerAssignment',
]);

type Row = Record<string, any>;

/** A reference as the entity holds it, or as its audit snapshot does (an id). */
function refId(value: unknown): string | undefined {
  if (!value) return undefined;
  return typeof value === 'string' ? value : (value as { id?: string }).id;
}

async function planOf(em: EntityManager, entityName: string, row: Row): Promise<PlanVersion | null> {
  let planId = refId(row.plan);
  if (!planId && entityName === 'TargetRevision' && row.target)
    planId = refId(((await em.findOne('Target', refId(row.target)!)) as Row | null)?.plan);
  else if (!planId && entityName === 'Baseline' && row.indicator)
    planId = (await em.findOne(Indicator, refId(row.indicator)!))?.plan.id;
  else if (!planId && entityName === 'Activity' && row.project)
    planId = refId(((await em.findOne('Project', refId(row.project)!)) as Row | null)?.plan);
  return planId ? em.findOne(PlanVersion, planId) : null;
}

/** Refuses a CRUD write that the plan's status or a checkpoint lock forbids. `rows`: the row before and/or after. */
export async function governanceProblems(
  em: EntityManager,
  entityName: string,
  mode: 'create' | 'update' | 'delete',
  rows: Row[],
  input: Row = {},
): Promise<FieldProblem[]> {
  if (entityName === 'PlanVersion') return planVersionProblems(mode, rows[0], input);
  const problems: FieldProblem[] = [];
  for (const row of rows) {
    const plan = await planOf(em, entityName, row);
    if (!plan) continue;
    const status = plan.status;
    const ended = status === PlanStatus.CLOSED || status === PlanStatus.SUPERSEDED;
    if (entityName === 'Measurement') {
      if (ended)
        problems.push({
          field: 'year',
          code: 'PERIOD_LOCKED',
          message: `the plan version is ${status}: its actual values cannot change`,
        });
      else problems.push(...(await lockProblems(em, plan.id, row.year, row.checkpoint)));
    } else if (entityName === 'TargetRevision') {
      // a target changes after approval only by appending a revision ("nuova previsione"); history is never edited
      if (ended || (status === PlanStatus.APPROVED && mode !== 'create')) problems.push(planLocked(status, 'targetId'));
    } else if (STRUCTURE.has(entityName) && status !== PlanStatus.DRAFT) {
      problems.push(planLocked(status, 'id'));
    }
    if (problems.length > 0) break;
  }
  return problems;
}

function planLocked(status: PlanStatus, field: string): FieldProblem {
  const how =
    status === PlanStatus.APPROVED
      ? '; a target changes by a new revision (createTargetRevision), anything else by a new plan version'
      : '';
  return { field, code: 'PLAN_LOCKED', message: `the plan version is ${status}: its structure cannot change${how}` };
}

function planVersionProblems(mode: 'create' | 'update' | 'delete', row: Row, input: Row): FieldProblem[] {
  if (mode === 'delete') {
    return row.status === PlanStatus.DRAFT
      ? []
      : [{ field: 'id', code: 'PLAN_LOCKED', message: `the plan version is ${row.status}: it cannot be deleted` }];
  }
  const from = mode === 'create' ? PlanStatus.DRAFT : row.status;
  if (input.status != null && input.status !== from) {
    return [
      {
        field: 'status',
        code: 'USE_WORKFLOW',
        message: 'the status changes only through approvePlanVersion and closePlanVersion, which record who and when',
      },
    ];
  }
  return [];
}

/** A locked (year, checkpoint) of a plan refuses actual values, whatever path they come by. */
export async function lockProblems(
  em: EntityManager,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
): Promise<FieldProblem[]> {
  const lock = await em.findOne(CheckpointLock, { plan: planId, year, checkpoint });
  if (!lock) return [];
  const who = lock.lockedBy ? ` by ${lock.lockedBy}` : '';
  const why = lock.reason ? ` (${lock.reason})` : '';
  return [
    {
      field: 'checkpoint',
      code: 'PERIOD_LOCKED',
      message: `actual values for ${year} ${checkpoint} are locked${who}${why}; a controller can unlock the checkpoint`,
    },
  ];
}

export function failOn(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new InputError(problems);
}
