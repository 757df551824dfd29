/**
 * The apply phase of a sheet sync: writes the rows the decide phase accepted, every change with its audit event.
 * Reads and writes are set-based: the loaded rows updated or deleted are brought into the unit of work by id
 * (adopt-rows.ts) and flushed together; created rows are new untracked instances inserted table by table in
 * multi-row statements (bulk-write.ts).
 */
import type { EntityClass, RequiredEntityData } from '@mikro-orm/core';
import type { ParsedValue } from '@core/values/types';
import { statedKindOf } from '@core/values/stated-kind';
import {
  AuditAction,
  PlanStatus,
  Polarity as PolarityEnum,
  RevisionKind,
  ScoringRule,
  UnitType,
  ValueKind,
} from '@core/vocabulary/enums';
import {
  Indicator,
  Measurement,
  OperationalObjective,
  OrgUnit,
  Perspective,
  StrategicObjective,
  Target,
  TargetRevision,
} from '../entities';
import type { Node } from '../entities/base';
import type { JsonText } from '../speed/bound-insert';
import { flushAuditBuffer, recordChange, snapshotText } from '../services/audit';
import type { ServiceContext } from '../services/service-context';
import { adoptRows, holdPlainRows } from './adopt-rows';
import { type BatchWrites, emptyWrites, stateAfter } from './after-state';
import { insertEntities, insertLinks, newRow } from '../speed/bulk-write';
import { updateSetBased } from '../speed/set-update';
import { flushOnly } from '../speed/flush-only';
import { type PlanNode, type PlanState, unitKey } from './plan-state';
import { evidenceText, rowInference } from './row-polarity';
import type { SyncClock } from './sync-clock';
import {
  ACTUALS,
  parentsFirst,
  type RowPlan,
  sameRaw,
  sameThresholds,
  type SyncInput,
  writesOnlyActuals,
} from './row-plan';

/**
 * The plan before the batch's writes (with the rows it changes adopted) and after them, both in memory, and the rows
 * the batch created: untracked instances holding exactly what was inserted (kept-state.ts keeps them as they are).
 */
export type Applied = { state: PlanState; after: PlanState; created: ReadonlySet<object> };

/**
 * Writes the accepted rows of the batch and the audit trail of every change, inside the caller's transaction.
 * `read` is the plan as read (read-only rows); each row's node is re-pointed at its adopted, tracked instance.
 */
export async function applyRows(
  ctx: ServiceContext,
  read: PlanState,
  plans: RowPlan[],
  input: SyncInput,
  clock?: SyncClock | null,
  held = false,
): Promise<Applied> {
  const { em } = ctx;
  const fast = ctx.fastPaths !== false;
  // read-only rows the batch changes join the unit of work; without the fast paths every row is managed already
  const { state, adopted, plain } = fast
    ? await adoptRows(em, read, rowsChanged(read, plans, input), held)
    : { state: read, adopted: [], plain: [] };
  clock?.mark('adopt');
  for (const p of plans) {
    if (p.node) p.node = state.nodes.get(p.node.id) ?? p.node;
  }
  const writes = writeInMemory(ctx, state, plans, input);
  clock?.mark('inMemory');
  if (fast) {
    await writeCreated(em, writes);
    // updates and deletes touch adopted rows: the unit of work writes those it finds changed, one statement per table
    // (its version check folded into the update, set-update.ts)
    if (plans.some((p) => p.status === 'updated' || p.status === 'deleted')) {
      updateSetBased(em);
      // held for the turn's statement (turn-writes.ts): the copies it wrote into from their twins, no change set
      // (plain-held.ts); a row the turn had managed already flushed alone (flush-only.ts), the commit's flush whole
      if (held) {
        holdPlainRows(em, plain);
        if (adopted.length > 0) await flushOnly(em, adopted);
      } else await em.flush();
    }
  } else {
    await em.flush();
  }
  await flushAuditBuffer(ctx);
  clock?.mark('flush');
  return { state, after: stateAfter(state, writes), created: createdRows(writes) };
}

/** Every row the batch inserted (with the fast paths, untracked new instances) */
function createdRows(w: BatchWrites): Set<object> {
  const rows = [w.units, w.perspectives, w.strategicObjectives, w.operationalObjectives, w.indicators];
  return new Set<object>([...rows.flat(), ...w.targets, ...w.revisions, ...w.measurements]);
}

/**
 * The loaded rows a batch writes in place or removes: the only ones the unit of work needs to see. Of an updated
 * indicator's targets, those writeTargets can reach, found as it finds them: the period's checkpoint of the year
 * synced and of each future target the row gives. Its other years' targets (a plan of three years: two of every
 * three) were adopted, compared at the flush and read again after the commit for nothing (bench B4).
 */
function rowsChanged(state: PlanState, plans: RowPlan[], input: SyncInput): Node[] {
  const rows: Node[] = [];
  for (const p of plans) {
    if (!p.node) continue;
    if (p.status === 'deleted') rows.push(p.node, ...dependentsOf(state, p.node));
    if (p.status !== 'updated') continue;
    const measurement = p.node instanceof Indicator ? state.measurementOf.get(p.node.id) : undefined;
    // an actual typed alone writes its measurement only: the indicator and targets adopted were never written, and
    // were told to the other instances as rows to read again (bench B4: every row of every batch)
    if (p.node instanceof Indicator && writesOnlyActuals(p)) {
      if (measurement) rows.push(measurement);
      continue;
    }
    rows.push(p.node);
    if (!(p.node instanceof Indicator)) continue;
    const years = [input.year, ...(p.parsed.values.futureTargets ?? []).map((ft) => ft.year)];
    for (const year of new Set(years)) {
      const target = state.target(p.node.id, year);
      if (target) rows.push(target);
    }
    if (measurement) rows.push(measurement);
  }
  return rows;
}

/**
 * Applies the accepted rows in memory, parents before children, every change with its audit event: rows it creates
 * are new untracked instances collected for set-based inserts (writeCreated); loaded rows it updates or deletes
 * are left to the unit of work.
 */
function writeInMemory(ctx: ServiceContext, state: PlanState, plans: RowPlan[], input: SyncInput): BatchWrites {
  const { em } = ctx;
  const plan = state.plan;
  const writes = emptyWrites();
  const newUnits = new Map<string, OrgUnit>();
  const ordered = parentsFirst(plans);
  for (const p of ordered) {
    if (p.status === 'deleted') {
      const before = snapshotText(em, p.node!);
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
    const node = p.node ?? createNode(ctx, state, p, parent!, writes);
    p.created = node;
    // a row of actual values alone never changes its node (often the state's read-only row): no snapshots to compare
    const asIs = node === p.node && node instanceof Indicator && writesOnlyActuals(p);
    const before = p.node && !asIs ? snapshotText(em, node) : null;
    if (v.code != null && !(node instanceof Perspective)) node.code = v.code;
    if (v.code !== undefined && node instanceof Perspective) node.code = v.code;
    if (v.title !== undefined) {
      if (node instanceof Perspective) node.name = v.title;
      else node.title = v.title;
    }
    // a moved row points at its parent by reference: the parent is a read-only row or one this batch inserts
    // (without the fast paths it is an entity of the unit of work, loaded or created, and is pointed at as it is)
    if (p.node && parent)
      reparent(
        node,
        ctx.fastPaths === false
          ? parent
          : (em.getReference(parent.constructor as EntityClass<PlanNode>, parent.id) as PlanNode),
      );
    if (v.weight !== undefined && (node instanceof Indicator || node instanceof OperationalObjective))
      node.weight = v.weight;
    if (v.kpi !== undefined) {
      if (node instanceof Indicator) node.formula = v.kpi;
      else if (!(node instanceof Perspective)) node.kpi = v.kpi;
    }
    if (node instanceof Indicator) {
      if (v.unit !== undefined) node.unit = v.unit;
      if (v.actionLabel !== undefined) node.actionLabel = v.actionLabel;
      if (v.dataSource !== undefined) node.dataSource = v.dataSource;
      if (v.polarity !== undefined) {
        node.polarity = v.polarity as PolarityEnum;
        node.polarityConfirmed = true;
      }
      const inferred = rowInference(p);
      if (inferred) {
        node.polarity = inferred.polarity as PolarityEnum;
        node.polarityEvidence = evidenceText(inferred);
      }
      if (v.rule !== undefined) node.rule = v.rule as ScoringRule | null;
      if (v.unitNames !== undefined && p.changes.has('responsibleUnit')) {
        setUnits(ctx, state, node, !p.node, v.unitNames, newUnits, writes);
        // the link table has no version: touch the indicator so its row version and change time move too
        if (p.node) node.updatedAt = new Date();
      }
      const write: IndicatorWrite = { ctx, state, p, indicator: node, input, writes };
      writeTargets(write);
      writeMeasurement(write);
    }
    if (asIs) continue;
    const after = snapshotText(em, node);
    // the node itself may be untouched when only its targets or actual changed: no event for a non-change (the
    // snapshots are their JSON texts already, compared as the column would store them)
    if (!before || before.text !== after.text || p.changes.has('responsibleUnit')) {
      recordChange(ctx, node, p.node ? AuditAction.UPDATE : AuditAction.CREATE, before, after, plan.org);
    }
  }
  return writes;
}

/**
 * A row the batch creates: with the fast paths an untracked instance, inserted set-based by writeCreated; without,
 * an entity of the unit of work, inserted by the flush.
 */
function createRow<T extends object>(ctx: ServiceContext, Type: new () => T, values: Partial<T>): T {
  // version 1 now, as the insert writes it: the row's audit event is recorded before the flush
  return ctx.fastPaths === false
    ? ctx.em.create(Type, { version: 1, ...values } as RequiredEntityData<T>)
    : newRow(Type, values);
}

/** Inserts every row the batch creates, table by table in foreign-key order, a bounded number of statements each. */
async function writeCreated(em: ServiceContext['em'], w: BatchWrites): Promise<void> {
  for (const rows of [
    w.units,
    w.perspectives,
    w.strategicObjectives,
    w.operationalObjectives,
    w.indicators,
    w.targets,
    w.revisions,
    w.measurements,
  ]) {
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

function createNode(
  ctx: ServiceContext,
  state: PlanState,
  p: RowPlan,
  parent: PlanNode | undefined,
  writes: BatchWrites,
): PlanNode {
  const base = { org: state.plan.org, plan: state.plan, position: p.parsed.index };
  const v = p.parsed.values;
  const titled = { ...base, code: v.code!, title: v.title! };
  switch (p.level) {
    case 'perspective':
      return kept(writes.perspectives, createRow(ctx, Perspective, { ...base, name: v.title!, code: v.code ?? null }));
    case 'strategic':
      return kept(
        writes.strategicObjectives,
        createRow(ctx, StrategicObjective, { ...titled, perspective: parent as Perspective }),
      );
    case 'operational':
      return kept(
        writes.operationalObjectives,
        createRow(ctx, OperationalObjective, { ...titled, strategicObjective: parent as StrategicObjective }),
      );
    default: {
      const onOO = parent instanceof OperationalObjective;
      const node = createRow(ctx, Indicator, {
        ...titled,
        operationalObjective: onOO ? parent : null,
        strategicObjective: onOO ? null : (parent as StrategicObjective),
        valueKind: statedKindOf(v.target ?? null) ?? ValueKind.NUMBER,
        polarity: PolarityEnum.HIGHER,
      });
      return kept(writes.indicators, node);
    }
  }
}

/** A created row, listed among the batch's writes of its kind */
function kept<T>(created: T[], node: T): T {
  created.push(node);
  return node;
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
  ctx: ServiceContext,
  state: PlanState,
  indicator: Indicator,
  created: boolean,
  names: string[],
  newUnits: Map<string, OrgUnit>,
  writes: BatchWrites,
): void {
  const units = names.map((name) => {
    const key = unitKey(name);
    let unit = state.unitsByName.get(key) ?? newUnits.get(key);
    if (!unit) {
      unit = createRow(ctx, OrgUnit, { org: state.plan.org, name, type: UnitType.UO });
      newUnits.set(key, unit);
      writes.units.push(unit);
    }
    return unit;
  });
  const ids = [...new Set(units.map((u) => u.id))];
  writes.unitsOf.set(indicator.id, ids);
  const { em } = ctx;
  if (ctx.fastPaths === false) {
    // every unit is an entity of the unit of work (loaded with the plan or created above): the flush writes the links
    indicator.responsibleUnits.set(ids.map((id) => units.find((u) => u.id === id)!));
    return;
  }
  if (created) {
    for (const id of ids) writes.unitLinks.push([indicator.id, id]);
    return;
  }
  // units are read-only rows or inserted with the batch, never tracked: the collection holds references
  if (!indicator.responsibleUnits.isInitialized()) {
    indicator.responsibleUnits.hydrate(
      (state.snapshot.unitsOf.get(indicator.id) ?? []).map((id) => em.getReference(OrgUnit, id)),
    );
  }
  indicator.responsibleUnits.set(ids.map((id) => em.getReference(OrgUnit, id)));
}

/** What writing an indicator row's targets and actual value works on: the batch, the plan, the row and its writes. */
type IndicatorWrite = {
  ctx: ServiceContext;
  state: PlanState;
  p: RowPlan;
  indicator: Indicator;
  input: SyncInput;
  writes: BatchWrites;
};

/** A changed target value is appended as a revision: "nuova previsione" once the plan is approved. */
function writeTargets({ ctx, state, p, indicator, input, writes }: IndicatorWrite): void {
  const v = p.parsed.values;
  const kind = state.plan.status === PlanStatus.DRAFT ? RevisionKind.ORIGINAL : RevisionKind.REVISED;
  const write = (
    year: number,
    value: ParsedValue | null | undefined,
    thresholds?: Array<{ value: ParsedValue; score: number }>,
  ) => {
    let target = p.node ? state.target(indicator.id, year) : undefined;
    const changesValue = value !== undefined && !sameRaw(value, state.effective(target)?.value);
    const changesThresholds = thresholds !== undefined && !sameThresholds(thresholds, target?.thresholds ?? []);
    const changesRule = year === input.year && (p.changes.has('polarity') || p.changes.has('rule'));
    if (!changesValue && !changesThresholds && !(changesRule && target)) return;
    const before = target ? snapshotText(ctx.em, target) : null;
    if (!target) {
      target = createRow(ctx, Target, filedUnder(state, indicator, year, input));
      writes.targets.push(target);
    }
    if (changesThresholds) target.thresholds = thresholds!;
    if (year === input.year && p.changes.has('rule')) target.rule = null;
    if (year === input.year && p.changes.has('polarity')) target.polarity = null;
    if (changesValue) {
      const seq = p.node ? (state.revisionsOf.get(target.id)?.length ?? 0) : 0;
      const revision = createRow(ctx, TargetRevision, {
        org: state.plan.org,
        target,
        seq,
        kind: seq === 0 ? RevisionKind.ORIGINAL : kind,
        value: value ?? { raw: '', kind: 'empty', warnings: [] },
        approved: true,
        note: ctx.sourceDetail,
      });
      writes.revisions.push(revision);
      recordChange(ctx, revision, AuditAction.CREATE, null, snapshotText(ctx.em, revision), state.plan.org);
    }
    recordWrite(ctx, state, target, before);
  };
  write(input.year, v.target, v.thresholds);
  for (const ft of v.futureTargets ?? []) write(ft.year, ft.value);
}

function writeMeasurement({ ctx, state, p, indicator, input, writes }: IndicatorWrite): void {
  if (!ACTUALS.some((c) => p.changes.has(c))) return;
  const v = p.parsed.values;
  let measurement = p.node ? state.measurementOf.get(indicator.id) : undefined;
  const before = measurement ? snapshotText(ctx.em, measurement) : null;
  if (!measurement) {
    measurement = createRow(ctx, Measurement, filedUnder(state, indicator, input.year, input));
    writes.measurements.push(measurement);
  }
  if (v.actual !== undefined) measurement.value = v.actual;
  if (v.neutralised !== undefined) measurement.neutralised = v.neutralised;
  if (v.neutralisationReason !== undefined) measurement.neutralisationReason = v.neutralisationReason;
  if (v.note !== undefined) measurement.note = v.note;
  measurement.author = ctx.actor;
  measurement.recordedAt = new Date();
  recordWrite(ctx, state, measurement, before);
}

/** where a new target or measurement of an indicator is filed: its plan, year and the batch's checkpoint */
function filedUnder(state: PlanState, indicator: Indicator, year: number, input: SyncInput) {
  return { org: state.plan.org, plan: state.plan, indicator, year, checkpoint: input.checkpoint };
}

/** audits a target or measurement the batch wrote: a creation when there was no row before, else an update */
function recordWrite(ctx: ServiceContext, state: PlanState, row: Target | Measurement, before: JsonText | null): void {
  recordChange(
    ctx,
    row,
    before ? AuditAction.UPDATE : AuditAction.CREATE,
    before,
    snapshotText(ctx.em, row),
    state.plan.org,
  );
}
