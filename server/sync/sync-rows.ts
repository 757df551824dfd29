import { createHash, randomUUID } from 'node:crypto';
import { scoreIndicator } from '../engine/scoring';
import type { ParsedValue } from '../engine/values/types';
import {
  AuditAction, type Checkpoint, PlanStatus, Polarity as PolarityEnum, RevisionKind, ScoringRule, UnitType, ValueKind,
} from '../domain/enums';
import {
  Indicator, Measurement, OperationalObjective, OrgUnit, Perspective, PlanVersion, StrategicObjective, Target, TargetRevision,
} from '../entities';
import { AuditEvent } from '../entities/audit-event';
import type { Node } from '../entities/base';
import { SyncBatch } from '../entities/sync-batch';
import { flushAuditBuffer, recordChange, snapshot } from '../services/audit';
import { InputError, NotFoundError } from '../services/errors';
import { forPeriod } from '../services/plan-snapshot';
import { computePlanScores, profileOf, type PlanScores } from '../services/realization';
import { realizationView, type RealizationView } from '../services/realization-view';
import type { ServiceContext } from '../services/service-context';
import { type CellError, cellError } from './messages';
import { parseRow, type ParsedRow } from './parse-row';
import { guardRows } from './row-access';
import { levelOfNode, loadPlanState, parentIdOf, type PlanNode, type PlanState, unitKey } from './plan-state';
import { LIMITS, type SheetLevel, type SheetRowIn } from './row';
import { sheetRowOf, type SheetRowOut } from './sheet-rows';
import { type BatchWrites, emptyWrites, stateAfter } from './after-state';
import { adoptRows } from './adopt-rows';
import { insertEntities, insertLinks, newRow } from './bulk-write';

export type SyncMode = 'partial' | 'atomic';
export type RowStatus = 'created' | 'updated' | 'unchanged' | 'deleted' | 'conflict' | 'rejected';

export type SyncInput = {
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  mode: SyncMode;
  batchKey?: string | null;
  rows: SheetRowIn[];
};

export type RowResult = {
  index: number;
  clientRef: string | null;
  rowId: string | null;
  status: RowStatus;
  rowVersion: number | null;
  errors: CellError[];
  /** for a conflict: the row as the server has it, and who changed it when */
  current: (SheetRowOut & { changedBy: string | null; changedAt: Date | null }) | null;
  realization: RealizationView | null;
};

export type AffectedScore = { id: string; level: 'operational' | 'strategic' | 'perspective' | 'plan' | 'dashboard'; code: string | null; realization: RealizationView | null };

export type SyncOutcome = {
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  mode: SyncMode;
  batchKey: string | null;
  replayed: boolean;
  applied: number;
  rows: RowResult[];
  affected: AffectedScore[];
};

/** Test seam: runs after the rows are written and before the transaction commits (crash injection). */
export type SyncHooks = { afterWrite?: () => void | Promise<void> };

const DEPTH: Record<SheetLevel, number> = { perspective: 0, strategic: 1, operational: 2, indicator: 3 };
const PARENT_LEVELS: Record<SheetLevel, SheetLevel[]> = {
  perspective: [],
  strategic: ['perspective'],
  operational: ['strategic'],
  indicator: ['operational', 'strategic'],
};

/** One row of the batch on its way: what it names, what it would change, and why it is refused if it is. */
type RowPlan = {
  parsed: ParsedRow;
  node?: PlanNode;
  level?: SheetLevel;
  parentNode?: PlanNode;
  parentPlan?: RowPlan;
  errors: CellError[];
  status?: RowStatus;
  /** a node created by this batch */
  created?: PlanNode;
  changes: Set<string>;
};

/** Cells that only an indicator row has; on an objective row they are refused, never silently dropped. */
const INDICATOR_ONLY = ['unit', 'polarity', 'rule', 'target', 'thresholds', 'futureTargets', 'actual', 'neutralised', 'neutralisationReason', 'note', 'responsibleUnit'] as const;

const STRUCTURE = ['code', 'title', 'weight', 'kpi', 'unit', 'polarity', 'rule', 'parent', 'thresholds', 'responsibleUnit'];
const ACTUALS = ['actual', 'neutralised', 'neutralisationReason', 'note'];

function hashOf(input: SyncInput): string {
  return createHash('sha256').update(JSON.stringify([input.year, input.checkpoint, input.mode, input.rows])).digest('hex');
}

const sameRaw = (a: ParsedValue | null | undefined, b: ParsedValue | null | undefined) => (a?.raw ?? null) === (b?.raw ?? null);
const sameThresholds = (a: Array<{ value: ParsedValue; score: number }>, b: Array<{ value: ParsedValue; score: number }>) =>
  a.length === b.length && a.every((t, i) => t.value.raw === b[i].value.raw && t.score === b[i].score);

/**
 * Applies a sheet's rows to one plan version for one (year, checkpoint), in one transaction: valid rows are
 * written (partial) or nothing is unless every row is valid (atomic); a stale row is a conflict, never an
 * overwrite; a retried batch key returns the first answer. Reads and writes are set-based: the plan is read with
 * a fixed number of statements as read-only rows, created rows are inserted table by table in multi-row statements,
 * the rows updated or deleted are brought into the unit of work by id (adopt-rows.ts) and flushed together, and the
 * answer is scored from the plan as it now is in memory (not re-read).
 */
export async function syncRows(ctx: ServiceContext, input: SyncInput, hooks: SyncHooks = {}): Promise<SyncOutcome> {
  if (input.rows.length > LIMITS.rowsPerBatch) {
    throw InputError.of('rows', 'BATCH_TOO_LARGE', `at most ${LIMITS.rowsPerBatch} rows per batch, got ${input.rows.length}; split the sheet into several batches`);
  }
  const requestHash = hashOf(input);
  try {
    return await ctx.em.transactional(async (em) => {
      const tx: ServiceContext = { ...ctx, em, auditBuffer: [] };
      const plan = await em.findOne(PlanVersion, { id: input.planId }, { populate: ['cycle'] });
      if (!plan) throw new NotFoundError('PlanVersion', input.planId);
      if (input.batchKey) {
        const prior = await em.findOne(SyncBatch, { plan: plan.id, batchKey: input.batchKey });
        if (prior) {
          if (prior.requestHash !== requestHash) {
            throw InputError.of('batchKey', 'KEY_REUSED', 'this batch key was used for different rows; use a new key for a new batch');
          }
          // the stored response is the outcome this function wrote under the same key, as JSON
          return { ...(prior.response as SyncOutcome), replayed: true };
        }
      }
      if (!plan.cycle.years.includes(input.year)) {
        throw InputError.of('year', 'BAD_YEAR', `${input.year} is not a year of this plan (${plan.cycle.years.join(', ')})`);
      }
      const read = await loadPlanState(em, plan.id, input.year, input.checkpoint, { readOnly: true });
      const plans = guardRows(tx, read, planRows(read, input, plan.cycle.years));
      const refused = plans.some((p) => p.status === 'rejected' || p.status === 'conflict');
      let state = read;
      let after: PlanState;
      if (input.mode === 'atomic' && refused) {
        for (const p of plans) {
          if (p.status !== 'rejected' && p.status !== 'conflict') {
            p.status = 'rejected';
            p.errors.push(cellError('*', 'BATCH_FAILED'));
          }
        }
        after = state;
      } else {
        state = await adoptRows(em, read, rowsChanged(read, plans));
        for (const p of plans) {
          if (p.node) p.node = state.nodes.get(p.node.id) ?? p.node;
        }
        const writes = applyRows(tx, state, plans, input);
        await writeCreated(em, writes);
        // updates and deletes touch adopted rows: the unit of work writes those it finds changed, batched per table
        if (plans.some((p) => p.status === 'updated' || p.status === 'deleted')) await em.flush();
        await flushAuditBuffer(tx);
        await hooks.afterWrite?.();
        after = stateAfter(state, writes);
      }
      const outcome = await outcomeOf(tx, state, after, plans, input);
      if (input.batchKey) {
        // a native insert: the unit of work would re-examine every row of the batch for one more row
        const now = new Date();
        await em.insert(SyncBatch, {
          id: randomUUID(), version: 1, createdAt: now, updatedAt: now, org: plan.org.id, plan: plan.id,
          batchKey: input.batchKey, requestHash, response: JSON.parse(JSON.stringify(outcome)),
        });
      }
      return outcome;
    });
  } finally {
    ctx.em.clear();
  }
}

/** The loaded rows a batch writes in place or removes: the only ones the unit of work needs to see. */
function rowsChanged(state: PlanState, plans: RowPlan[]): Node[] {
  const rows: Node[] = [];
  for (const p of plans) {
    if (!p.node) continue;
    if (p.status === 'deleted') rows.push(p.node, ...dependentsOf(state, p.node));
    if (p.status !== 'updated') continue;
    rows.push(p.node);
    if (!(p.node instanceof Indicator)) continue;
    rows.push(...(state.targetsOf.get(p.node.id) ?? []));
    const measurement = state.measurementOf.get(p.node.id);
    if (measurement) rows.push(measurement);
  }
  return rows;
}

/** Reads every row and checks it against the plan and the rest of the batch; decides its status. */
function planRows(state: PlanState, input: SyncInput, years: number[]): RowPlan[] {
  const plans: RowPlan[] = input.rows.map((row, index) => {
    const node = row.rowId ? state.nodes.get(row.rowId) : undefined;
    const unit = node instanceof Indicator ? node.unit : undefined;
    const parsed = parseRow(index, row, { year: input.year, years, unit });
    return { parsed, node, errors: [...parsed.errors], changes: new Set<string>() };
  });
  const byClientRef = new Map<string, RowPlan>();
  const seenIds = new Set<string>();
  for (const p of plans) {
    const { input: row } = p.parsed;
    if (row.clientRef) byClientRef.set(row.clientRef, p);
    if (row.rowId) {
      if (!p.node) p.errors.push(cellError('rowId', 'UNKNOWN_ROW', { raw: row.rowId }));
      else if (seenIds.has(row.rowId)) p.errors.push(cellError('rowId', 'DUPLICATE_ROW'));
      seenIds.add(row.rowId);
    }
    p.level = p.node ? levelOfNode(p.node) : p.parsed.level;
    if (p.node && p.parsed.level && p.parsed.level !== p.level) p.errors.push(cellError('level', 'WRONG_PARENT_LEVEL', { level: p.parsed.level, parentLevel: p.level ?? '' }));
    if (!p.node && !row.rowId && !p.level && !row.delete && !p.errors.some((e) => e.column === 'level')) p.errors.push(cellError('level', 'REQUIRED'));
    if (row.delete && !row.rowId) p.errors.push(cellError('rowId', 'REQUIRED'));
    if (p.level && p.level !== 'indicator' && !row.delete) {
      for (const column of INDICATOR_ONLY) {
        const cell = row[column];
        const sent = Array.isArray(cell) ? cell.length > 0 : cell != null && String(cell).trim() !== '';
        if (sent) p.errors.push(cellError(column, column === 'actual' ? 'ACTUAL_ON_OBJECTIVE' : 'INDICATOR_ONLY'));
      }
    }
  }

  const codes = codeIndex(state, plans);
  const locked = state.plan.status !== PlanStatus.DRAFT;
  const ordered = [...plans].sort((a, b) => (a.level ? DEPTH[a.level] : 9) - (b.level ? DEPTH[b.level] : 9));
  for (const p of ordered) {
    const row = p.parsed.input;
    if (p.node && row.rowVersion != null && row.rowVersion !== state.rowVersion(p.node) && p.errors.length === 0) {
      p.status = 'conflict';
      continue;
    }
    if (row.delete) {
      continue;
    } else if (p.level) {
      checkParent(state, p, byClientRef);
      checkCodeAndTitle(p, codes);
      diffRow(state, p, input);
      checkLocks(state, p, locked);
      checkIndicatorRules(state, p, input);
    }
    p.status = p.errors.length > 0 ? 'rejected' : !p.node ? 'created' : p.changes.size > 0 ? 'updated' : 'unchanged';
  }
  // Deletes bottom-up: a row goes only when every child of it goes too (accepted, not merely asked for).
  const accepted = new Set<string>();
  for (const p of [...ordered].reverse()) {
    if (!p.parsed.input.delete || p.status === 'conflict') continue;
    checkDelete(state, p, accepted, locked);
    p.status = p.errors.length > 0 ? 'rejected' : 'deleted';
    if (p.status === 'deleted') accepted.add(p.node!.id);
  }
  return plans;
}

function checkDelete(state: PlanState, p: RowPlan, accepted: Set<string>, locked: boolean): void {
  if (!p.node) return;
  if (locked) p.errors.push(cellError('delete', 'PLAN_LOCKED', { status: state.plan.status }));
  const children = [...state.nodes.values()].filter((n) => parentIdOf(n) === p.node!.id);
  if (children.some((c) => !accepted.has(c.id))) p.errors.push(cellError('delete', 'HAS_CHILDREN'));
}

function checkParent(state: PlanState, p: RowPlan, byClientRef: Map<string, RowPlan>): void {
  const row = p.parsed.input;
  const level = p.level!;
  const ref = row.parentRef?.trim();
  if (!ref) {
    if (!p.node && level !== 'perspective') p.errors.push(cellError('parentRef', 'REQUIRED'));
    return;
  }
  if (p.node && parentIdOf(p.node) === ref) return;
  const parentNode = state.nodes.get(ref);
  const parentPlan = parentNode ? undefined : byClientRef.get(ref);
  const parentLevel = parentNode ? levelOfNode(parentNode) : parentPlan?.level;
  if (!parentNode && !parentPlan) {
    p.errors.push(cellError('parentRef', 'UNKNOWN_PARENT', { raw: ref }));
  } else if (!parentLevel || !PARENT_LEVELS[level].includes(parentLevel)) {
    p.errors.push(cellError('parentRef', 'WRONG_PARENT_LEVEL', { level, parentLevel: parentLevel ?? '?' }));
  } else if (parentPlan && (parentPlan.status === 'rejected' || parentPlan.status === 'conflict' || parentPlan.parsed.input.delete)) {
    p.errors.push(cellError('parentRef', 'PARENT_REJECTED'));
  } else {
    p.parentNode = parentNode ?? parentPlan!.node;
    p.parentPlan = parentPlan;
    p.changes.add('parent');
  }
}

/** Codes per level, as they will be after the batch: a code may be used once per level in a plan version. */
function codeIndex(state: PlanState, plans: RowPlan[]): Map<string, string> {
  const index = new Map<string, string>();
  const renamed = new Set(plans.filter((p) => p.node && p.parsed.values.code !== undefined).map((p) => p.node!.id));
  for (const node of state.nodes.values()) {
    const code = levelOfNode(node) === 'perspective' ? null : (node as Indicator).code;
    if (code && !renamed.has(node.id)) index.set(`${levelOfNode(node)}:${code}`, node.id);
  }
  return index;
}

function checkCodeAndTitle(p: RowPlan, codes: Map<string, string>): void {
  const { values, input: row } = p.parsed;
  if (!p.node) {
    if (row.title == null && !p.errors.some((e) => e.column === 'title')) p.errors.push(cellError('title', 'REQUIRED'));
    if (p.level !== 'perspective' && row.code == null && !p.errors.some((e) => e.column === 'code')) p.errors.push(cellError('code', 'REQUIRED'));
  }
  if (values.code === null && p.level !== 'perspective' && !p.errors.some((e) => e.column === 'code')) p.errors.push(cellError('code', 'REQUIRED'));
  if (values.code == null || p.level === 'perspective') return;
  const key = `${p.level}:${values.code}`;
  const owner = codes.get(key);
  const self = p.node?.id ?? `new:${p.parsed.index}`;
  if (owner && owner !== self) p.errors.push(cellError('code', 'DUPLICATE_CODE', { raw: values.code, level: p.level! }));
  else codes.set(key, self);
}

/** Which columns would change: only those that differ from what the server has (unchanged rows cost nothing). */
function diffRow(state: PlanState, p: RowPlan, input: SyncInput): void {
  const v = p.parsed.values;
  const node = p.node;
  const mark = (column: string, differs: boolean) => {
    if (differs) p.changes.add(column);
  };
  if (!node) {
    for (const [key, value] of Object.entries(v)) if (value !== undefined) p.changes.add(key === 'unitNames' ? 'responsibleUnit' : key);
    return;
  }
  if (v.code !== undefined) mark('code', v.code !== ((node as Indicator).code ?? null));
  if (v.title !== undefined) mark('title', v.title !== (node instanceof Perspective ? node.name : (node as Indicator).title));
  if (v.weight !== undefined) mark('weight', node instanceof Indicator || node instanceof OperationalObjective ? v.weight !== (node.weight ?? null) : v.weight !== null);
  if (v.kpi !== undefined) mark('kpi', v.kpi !== (node instanceof Indicator ? (node.formula ?? null) : node instanceof Perspective ? null : (node.kpi ?? null)));
  if (!(node instanceof Indicator)) return;
  const target = state.target(node.id, input.year);
  const measurement = state.measurementOf.get(node.id);
  if (v.unit !== undefined) mark('unit', v.unit !== (node.unit ?? null));
  if (v.polarity !== undefined) mark('polarity', v.polarity !== (target?.polarity ?? node.polarity));
  if (v.rule !== undefined) mark('rule', v.rule !== (target?.rule ?? node.rule ?? null));
  if (v.target !== undefined) mark('target', !sameRaw(v.target, state.effective(target)?.value));
  if (v.thresholds !== undefined) mark('thresholds', !sameThresholds(v.thresholds, target?.thresholds ?? []));
  if (v.futureTargets !== undefined) {
    mark('futureTargets', v.futureTargets.some((ft) => !sameRaw(ft.value, state.effective(state.target(node.id, ft.year))?.value)));
  }
  if (v.actual !== undefined) mark('actual', !sameRaw(v.actual, measurement?.value));
  if (v.neutralised !== undefined) mark('neutralised', v.neutralised !== (measurement?.neutralised ?? false));
  if (v.neutralisationReason !== undefined) mark('neutralisationReason', v.neutralisationReason !== (measurement?.neutralisationReason ?? null));
  if (v.note !== undefined) mark('note', v.note !== (measurement?.note ?? null));
  if (v.unitNames !== undefined) {
    const current = state.unitNames(node.id).map(unitKey).sort().join('|');
    mark('responsibleUnit', v.unitNames.map(unitKey).sort().join('|') !== current);
  }
}

/**
 * An approved plan keeps its structure (a target change becomes a "nuova previsione" revision); a closed or
 * superseded plan takes nothing; a locked checkpoint takes no actual values.
 */
function checkLocks(state: PlanState, p: RowPlan, locked: boolean): void {
  const status = state.plan.status;
  if (locked) {
    const frozen = status === PlanStatus.APPROVED ? STRUCTURE.concat(!p.node ? ['target', 'futureTargets'] : []) : STRUCTURE.concat(['target', 'futureTargets']);
    if (!p.node) p.errors.push(cellError('rowId', 'PLAN_LOCKED', { status }));
    else for (const column of p.changes) if (frozen.includes(column)) p.errors.push(cellError(column, 'PLAN_LOCKED', { status }));
  }
  const periodClosed = status === PlanStatus.CLOSED || status === PlanStatus.SUPERSEDED ? `the plan is ${status}` : state.locked ? (state.locked.reason ?? 'checkpoint closed') : null;
  if (periodClosed) {
    for (const column of p.changes) {
      if (ACTUALS.includes(column)) p.errors.push(cellError(column, 'PERIOD_LOCKED', { year: state.year, checkpoint: state.checkpoint, reason: periodClosed }));
    }
  }
}

/** Thresholds must get worse along the polarity, and a neutralised indicator needs its reason. */
function checkIndicatorRules(state: PlanState, p: RowPlan, input: SyncInput): void {
  if (p.level !== 'indicator') return;
  const v = p.parsed.values;
  const node = p.node as Indicator | undefined;
  const target = node ? state.target(node.id, input.year) : undefined;
  const measurement = node ? state.measurementOf.get(node.id) : undefined;
  const neutralised = v.neutralised ?? measurement?.neutralised ?? false;
  const reason = v.neutralisationReason !== undefined ? v.neutralisationReason : (measurement?.neutralisationReason ?? null);
  if (neutralised && !reason?.trim()) p.errors.push(cellError('neutralisationReason', 'NEUTRALISATION_REASON_MISSING'));

  if (p.errors.some((e) => e.column.startsWith('thresholds'))) return;
  const thresholds = v.thresholds ?? target?.thresholds ?? [];
  const targetValue = v.target !== undefined ? v.target : state.effective(target)?.value;
  if (thresholds.length === 0 || !targetValue || !(p.changes.has('thresholds') || p.changes.has('target') || p.changes.has('polarity'))) return;
  const polarity = v.polarity ?? target?.polarity ?? node?.polarity ?? 'higher';
  // The engine decides monotony exactly as it will when scoring: score the target against itself.
  const result = scoreIndicator({
    id: 'check', polarity, polarityConfirmed: true, rule: 'bands',
    target: { mode: 'scored', value: targetValue, revision: 'original', thresholds },
    actual: { value: targetValue },
  }, { year: input.year, checkpoint: input.checkpoint as '30/6' | '31/12', profile: profileOf(null) });
  if (result.errors.includes('BANDS_NOT_MONOTONE')) p.errors.push(cellError('thresholds', 'THRESHOLDS_NOT_MONOTONE', { polarity }));
}

/**
 * Applies the accepted rows in memory, parents before children, every change with its audit event: rows it creates
 * are new untracked instances collected for set-based inserts (writeCreated); loaded rows it updates or deletes
 * are left to the unit of work.
 */
function applyRows(ctx: ServiceContext, state: PlanState, plans: RowPlan[], input: SyncInput): BatchWrites {
  const { em } = ctx;
  const plan = state.plan;
  const writes = emptyWrites();
  const newUnits = new Map<string, OrgUnit>();
  const ordered = [...plans].sort((a, b) => (a.level ? DEPTH[a.level] : 9) - (b.level ? DEPTH[b.level] : 9));
  for (const p of ordered) {
    if (p.status === 'deleted') {
      const before = snapshot(em, p.node!);
      // the database cascades too, but rows already in the unit of work must leave it with their parent
      for (const dependent of dependentsOf(state, p.node!)) {
        em.remove(dependent);
        writes.removed.add(dependent);
      }
      em.remove(p.node!);
      writes.removed.add(p.node!);
      recordChange(ctx, p.node!, AuditAction.DELETE, before, null, plan.org);
      continue;
    }
    if (p.status !== 'created' && p.status !== 'updated') continue;
    const v = p.parsed.values;
    const parent = p.parentNode ?? p.parentPlan?.created;
    const node = p.node ?? createNode(state, p, parent!, writes);
    p.created = node;
    const before = p.node ? snapshot(em, node) : null;
    if (v.code != null && !(node instanceof Perspective)) node.code = v.code;
    if (v.code !== undefined && node instanceof Perspective) node.code = v.code;
    if (v.title !== undefined) {
      if (node instanceof Perspective) node.name = v.title;
      else node.title = v.title;
    }
    // a moved row points at its parent by reference: the parent is a read-only row or one this batch inserts
    if (p.node && parent) reparent(node, em.getReference<PlanNode>(parent.constructor.name, parent.id));
    if (v.weight !== undefined && (node instanceof Indicator || node instanceof OperationalObjective)) node.weight = v.weight;
    if (v.kpi !== undefined) {
      if (node instanceof Indicator) node.formula = v.kpi;
      else if (!(node instanceof Perspective)) node.kpi = v.kpi;
    }
    if (node instanceof Indicator) {
      if (v.unit !== undefined) node.unit = v.unit;
      if (v.polarity !== undefined) {
        node.polarity = v.polarity as PolarityEnum;
        node.polarityConfirmed = true;
      }
      if (v.rule !== undefined) node.rule = v.rule as ScoringRule | null;
      if (v.unitNames !== undefined && p.changes.has('responsibleUnit')) {
        setUnits(em, state, node, !p.node, v.unitNames, newUnits, writes);
        // the link table has no version: touch the indicator so its row version and change time move too
        if (p.node) node.updatedAt = new Date();
      }
      writeTargets(ctx, state, p, node, input, writes);
      writeMeasurement(ctx, state, p, node, input, writes);
    }
    const after = snapshot(em, node);
    // the node itself may be untouched when only its targets or actual changed: no event for a non-change
    if (!before || JSON.stringify(before) !== JSON.stringify(after) || p.changes.has('responsibleUnit')) {
      recordChange(ctx, node, p.node ? AuditAction.UPDATE : AuditAction.CREATE, before, after, plan.org);
    }
  }
  return writes;
}

/** Inserts every row the batch creates, table by table in foreign-key order, a bounded number of statements each. */
async function writeCreated(em: ServiceContext['em'], w: BatchWrites): Promise<void> {
  for (const rows of [w.units, w.perspectives, w.strategicObjectives, w.operationalObjectives, w.indicators, w.targets, w.revisions, w.measurements]) {
    await insertEntities(em, rows);
  }
  await insertLinks(em, 'indicator_responsible_units', ['indicator_id', 'org_unit_id'], w.unitLinks);
}

/** Rows loaded with the plan that the database would delete with this node (its targets, actuals, entries…). */
function dependentsOf(state: PlanState, node: PlanNode): Node[] {
  const s = state.snapshot;
  if (node instanceof Indicator) {
    const targets = state.targetsOf.get(node.id) ?? [];
    return [
      ...targets.flatMap((t) => state.revisionsOf.get(t.id) ?? []),
      ...targets,
      ...s.measurements.filter((m) => m.indicator.id === node.id),
      ...s.entries.filter((e) => e.indicator.id === node.id),
    ];
  }
  return s.assignments.filter((a) => a.strategicObjective?.id === node.id || a.operationalObjective?.id === node.id);
}

function createNode(state: PlanState, p: RowPlan, parent: PlanNode | undefined, writes: BatchWrites): PlanNode {
  const base = { org: state.plan.org, plan: state.plan, position: p.parsed.index };
  const v = p.parsed.values;
  switch (p.level) {
    case 'perspective': {
      const node = newRow(Perspective, { ...base, name: v.title!, code: v.code ?? null });
      writes.perspectives.push(node);
      return node;
    }
    case 'strategic': {
      const node = newRow(StrategicObjective, { ...base, perspective: parent as Perspective, code: v.code!, title: v.title! });
      writes.strategicObjectives.push(node);
      return node;
    }
    case 'operational': {
      const node = newRow(OperationalObjective, { ...base, strategicObjective: parent as StrategicObjective, code: v.code!, title: v.title! });
      writes.operationalObjectives.push(node);
      return node;
    }
    default: {
      const onOO = parent instanceof OperationalObjective;
      const node = newRow(Indicator, {
        ...base, code: v.code!, title: v.title!,
        operationalObjective: onOO ? parent : null, strategicObjective: onOO ? null : (parent as StrategicObjective),
        valueKind: kindOf(v.target ?? null), polarity: PolarityEnum.HIGHER,
      });
      writes.indicators.push(node);
      return node;
    }
  }
}

function kindOf(target: ParsedValue | null): ValueKind {
  switch (target?.kind) {
    case 'percent': return ValueKind.PERCENT;
    case 'currency': return ValueKind.CURRENCY;
    case 'days': return ValueKind.DAYS;
    case 'date': return ValueKind.DATE;
    case 'boolean': return ValueKind.BOOLEAN;
    default: return ValueKind.NUMBER;
  }
}

function reparent(node: PlanNode, parent: PlanNode): void {
  if (node instanceof StrategicObjective) node.perspective = parent as Perspective;
  else if (node instanceof OperationalObjective) node.strategicObjective = parent as StrategicObjective;
  else if (node instanceof Indicator) {
    node.operationalObjective = parent instanceof OperationalObjective ? parent : null;
    node.strategicObjective = parent instanceof StrategicObjective ? parent : null;
  }
}

/**
 * Units are named as typed; a name the organisation does not know yet becomes a new unit (type U.O.). A created
 * indicator gets its links inserted with the batch; a loaded one has its tracked collection set.
 */
function setUnits(
  em: ServiceContext['em'], state: PlanState, indicator: Indicator, created: boolean, names: string[], newUnits: Map<string, OrgUnit>, writes: BatchWrites,
): void {
  const units = names.map((name) => {
    const key = unitKey(name);
    let unit = state.unitsByName.get(key) ?? newUnits.get(key);
    if (!unit) {
      unit = newRow(OrgUnit, { org: state.plan.org, name, type: UnitType.UO });
      newUnits.set(key, unit);
      writes.units.push(unit);
    }
    return unit;
  });
  const ids = [...new Set(units.map((u) => u.id))];
  writes.unitsOf.set(indicator.id, ids);
  if (created) {
    for (const id of ids) writes.unitLinks.push([indicator.id, id]);
    return;
  }
  // units are read-only rows or inserted with the batch, never tracked: the collection holds references
  if (!indicator.responsibleUnits.isInitialized()) {
    indicator.responsibleUnits.hydrate((state.snapshot.unitsOf.get(indicator.id) ?? []).map((id) => em.getReference(OrgUnit, id)));
  }
  indicator.responsibleUnits.set(ids.map((id) => em.getReference(OrgUnit, id)));
}

/** A changed target value is appended as a revision: "nuova previsione" once the plan is approved. */
function writeTargets(ctx: ServiceContext, state: PlanState, p: RowPlan, indicator: Indicator, input: SyncInput, writes: BatchWrites): void {
  const v = p.parsed.values;
  const kind = state.plan.status === PlanStatus.DRAFT ? RevisionKind.ORIGINAL : RevisionKind.REVISED;
  const write = (year: number, value: ParsedValue | null | undefined, thresholds?: Array<{ value: ParsedValue; score: number }>) => {
    let target = p.node ? state.target(indicator.id, year) : undefined;
    const changesValue = value !== undefined && !sameRaw(value, state.effective(target)?.value);
    const changesThresholds = thresholds !== undefined && !sameThresholds(thresholds, target?.thresholds ?? []);
    const changesRule = year === input.year && (p.changes.has('polarity') || p.changes.has('rule'));
    if (!changesValue && !changesThresholds && !(changesRule && target)) return;
    const before = target ? snapshot(ctx.em, target) : null;
    if (!target) {
      target = newRow(Target, { org: state.plan.org, plan: state.plan, indicator, year, checkpoint: input.checkpoint });
      writes.targets.push(target);
    }
    if (changesThresholds) target.thresholds = thresholds!;
    if (year === input.year && p.changes.has('rule')) target.rule = null;
    if (year === input.year && p.changes.has('polarity')) target.polarity = null;
    if (changesValue) {
      const seq = p.node ? (state.revisionsOf.get(target.id)?.length ?? 0) : 0;
      const revision = newRow(TargetRevision, {
        org: state.plan.org, target, seq, kind: seq === 0 ? RevisionKind.ORIGINAL : kind,
        value: value ?? { raw: '', kind: 'empty', warnings: [] }, approved: true, note: ctx.sourceDetail,
      });
      writes.revisions.push(revision);
      recordChange(ctx, revision, AuditAction.CREATE, null, snapshot(ctx.em, revision), state.plan.org);
    }
    recordChange(ctx, target, before ? AuditAction.UPDATE : AuditAction.CREATE, before, snapshot(ctx.em, target), state.plan.org);
  };
  write(input.year, v.target, v.thresholds);
  for (const ft of v.futureTargets ?? []) write(ft.year, ft.value);
}

function writeMeasurement(ctx: ServiceContext, state: PlanState, p: RowPlan, indicator: Indicator, input: SyncInput, writes: BatchWrites): void {
  if (!ACTUALS.some((c) => p.changes.has(c))) return;
  const v = p.parsed.values;
  let measurement = p.node ? state.measurementOf.get(indicator.id) : undefined;
  const before = measurement ? snapshot(ctx.em, measurement) : null;
  if (!measurement) {
    measurement = newRow(Measurement, { org: state.plan.org, plan: state.plan, indicator, year: input.year, checkpoint: input.checkpoint });
    writes.measurements.push(measurement);
  }
  if (v.actual !== undefined) measurement.value = v.actual;
  if (v.neutralised !== undefined) measurement.neutralised = v.neutralised;
  if (v.neutralisationReason !== undefined) measurement.neutralisationReason = v.neutralisationReason;
  if (v.note !== undefined) measurement.note = v.note;
  measurement.author = ctx.actor;
  measurement.recordedAt = new Date();
  recordChange(ctx, measurement, before ? AuditAction.UPDATE : AuditAction.CREATE, before, snapshot(ctx.em, measurement), state.plan.org);
}

/** The answer: per row its status, errors, new id and version, and scores; plus every ancestor and dashboard touched. */
async function outcomeOf(ctx: ServiceContext, before: PlanState, after: PlanState, plans: RowPlan[], input: SyncInput): Promise<SyncOutcome> {
  const applied = plans.filter((p) => p.status === 'created' || p.status === 'updated' || p.status === 'deleted').length;
  const scores = computePlanScores(forPeriod(after.snapshot, input.year, input.checkpoint), input.year, input.checkpoint);
  const conflicts = await conflictDetails(ctx, before, plans.filter((p) => p.status === 'conflict'));
  const view = (r: Parameters<typeof realizationView>[0]) => realizationView(r, input.year, input.checkpoint);

  const rows: RowResult[] = plans.map((p) => {
    const node = p.created ?? p.node;
    const live = node && p.status !== 'deleted' ? after.nodes.get(node.id) : undefined;
    return {
      index: p.parsed.index,
      clientRef: p.parsed.input.clientRef ?? null,
      rowId: p.status === 'rejected' && !p.node ? null : (node?.id ?? null),
      status: p.status!,
      rowVersion: live ? after.rowVersion(live) : null,
      errors: p.errors,
      current: conflicts.get(p) ?? null,
      realization: live ? view(scoreOf(scores, live)) : null,
    };
  });
  return { planId: input.planId, year: input.year, checkpoint: input.checkpoint, mode: input.mode, batchKey: input.batchKey ?? null, replayed: false, applied, rows, affected: affectedScores(after, plans, scores, view) };
}

function scoreOf(scores: PlanScores, node: PlanNode) {
  if (node instanceof Indicator) return scores.indicators.get(node.id);
  if (node instanceof OperationalObjective) return scores.operationalObjectives.get(node.id);
  if (node instanceof StrategicObjective) return scores.strategicObjectives.get(node.id);
  return scores.perspectives.get(node.id);
}

/** Ancestors of every applied row, the plan, and every dashboard listing a changed indicator. */
function affectedScores(state: PlanState, plans: RowPlan[], scores: PlanScores, view: (r: any) => RealizationView | null): AffectedScore[] {
  const ancestors = new Set<string>();
  const indicators = new Set<string>();
  for (const p of plans) {
    if (p.status !== 'created' && p.status !== 'updated' && p.status !== 'deleted') continue;
    const start = p.status === 'deleted' ? p.node && parentIdOf(p.node) : (p.created ?? p.node)?.id;
    if ((p.created ?? p.node) instanceof Indicator) indicators.add((p.created ?? p.node)!.id);
    for (let id = start ?? null; id; ) {
      const node = state.nodes.get(id);
      if (!node) break;
      if (!(node instanceof Indicator)) ancestors.add(id);
      id = parentIdOf(node);
    }
  }
  if (ancestors.size === 0 && indicators.size === 0) return [];
  const out: AffectedScore[] = [];
  for (const id of ancestors) {
    const node = state.nodes.get(id)!;
    const level = levelOfNode(node) as AffectedScore['level'];
    out.push({ id, level, code: node instanceof Perspective ? node.name : (node as StrategicObjective).code, realization: view(scoreOf(scores, node)) });
  }
  out.push({ id: state.plan.id, level: 'plan', code: state.plan.label, realization: view(scores.plan) });
  const dashboards = new Set(state.snapshot.entries.filter((e) => indicators.has(e.indicator.id)).map((e) => e.dashboard.id));
  for (const d of state.snapshot.dashboards) {
    if (dashboards.has(d.id)) out.push({ id: d.id, level: 'dashboard', code: d.name, realization: view(scores.dashboards.get(d.id)) });
  }
  return out;
}

/** For each conflict: the server's row and the last change to it (who, when), read with one statement. */
async function conflictDetails(ctx: ServiceContext, state: PlanState, conflicts: RowPlan[]) {
  const out = new Map<RowPlan, SheetRowOut & { changedBy: string | null; changedAt: Date | null }>();
  if (conflicts.length === 0) return out;
  const members = new Map(conflicts.map((p) => [p, state.memberIds(p.node!)]));
  const events = await ctx.em.find(AuditEvent, { entityId: { $in: [...members.values()].flat() } }, { orderBy: { at: 'desc' } });
  for (const [p, ids] of members) {
    const last = events.find((e) => ids.includes(e.entityId));
    out.set(p, { ...sheetRowOf(state, p.node!), changedBy: last?.actor ?? null, changedAt: last?.at ?? null });
  }
  return out;
}

