/**
 * Where a sheet row appears: the cruscotto cells of the row contract (issue 14, item 5), checked before the plan's
 * rows are written and stored after them, in the same transaction. An indicator row in a cruscotto is one
 * DashboardEntry, keyed by (cruscotto, indicator); an objective row there is the heading its indicators are grouped
 * under, stored as the entries' objective (docs/sheet-contract.md, "Cruscotti"). Set-based: the plan's cruscotti
 * and entries, the body's units and people are read in one statement each, and only when a row names a cruscotto.
 */
import { AuditAction, DashboardKind, EntryLevel, PlanStatus } from '@core/vocabulary/enums';
import { cellError, type CellError } from '@core/sheet/messages';
import { type Membership, parseRow } from '@core/sheet/parse-row';
import type { SheetRowIn } from '@core/sheet/row';
import { dashboardKindOfName, unitNamesOf } from '@core/sheet/vocabulary';
import { foldName } from '@core/vocabulary/fold';
import {
  Dashboard,
  DashboardEntry,
  Indicator,
  OperationalObjective,
  OrgUnit,
  Person,
  type PlanVersion,
  StrategicObjective,
} from '../entities';
import { flushAuditBuffer, recordChange, snapshot } from '../services/audit';
import type { ServiceContext } from '../services/service-context';
import { parentIdOf, type PlanState } from './plan-state';
import { type Folded, inCruscotto, namesCruscotto } from './repeat-rows';
import type { RowPlan, SyncInput } from './row-plan';
import { readsTogether } from '../speed/reads-together';

/** One batch row's place in a cruscotto, once checked. */
export type Placement = {
  index: number;
  membership: Membership;
  /** the "Azione" cell as sent (undefined = not sent) */
  actionLabel?: string | null;
  owner?: { unit: OrgUnit | null; person: Person | null };
  /** an owner named as a responsible unit of this batch: the unit exists once the rows are written */
  ownerToCome?: string;
  /** the row was sent with `delete`: the entry leaves the cruscotto, the indicator stays in the plan */
  remove?: boolean;
};

export type Cruscotti = {
  dashboards: Dashboard[];
  entries: DashboardEntry[];
  units: OrgUnit[];
  people: Person[];
  placements: Placement[];
  /** batch rows whose cruscotto cells were refused: their place is not written, whatever their node's status */
  refused: Set<number>;
  /** batch rows whose entry was removed from its cruscotto (answered DELETED) */
  removed: Set<number>;
};

const key = (name: string) => foldName(name);

/** The plan's cruscotti and what their cells may name; nothing is read when no row names a cruscotto. */
export async function readCruscotti(ctx: ServiceContext, plan: PlanVersion, rows: SheetRowIn[]): Promise<Cruscotti> {
  const none: Cruscotti = {
    dashboards: [],
    entries: [],
    units: [],
    people: [],
    placements: [],
    refused: new Set(),
    removed: new Set(),
  };
  if (!namesCruscotto(rows)) return none;
  const { em } = ctx;
  const [dashboards, entries, units, people] = await readsTogether(em, [
    () => em.find(Dashboard, { plan: plan.id }, { orderBy: { position: 'asc' } }),
    () => em.find(DashboardEntry, { plan: plan.id }),
    () => em.find(OrgUnit, { org: plan.org.id }),
    () => em.find(Person, { org: plan.org.id }),
  ] as const);
  return { dashboards, entries, units, people, placements: [], refused: new Set(), removed: new Set() };
}

/**
 * Checks every row's cruscotto cells: a repeat's own cells are read here (the plan phases never see it), a
 * cruscotto's kind and owner must agree across its rows, an owner must be a unit or person of the body, and an
 * approved plan takes no new membership. A refused cell refuses its row (node row or repeat), by column.
 */
export function checkPlacements(
  ctx: ServiceContext,
  input: SyncInput,
  years: number[],
  folded: Folded,
  plans: RowPlan[],
  cruscotti: Cruscotti,
  plan: PlanVersion,
): void {
  // a batch with no cruscotto cell (a sheet of plan rows, bench B1) has nothing to check: not a pass over its units
  if (!namesCruscotto(input.rows)) return;
  const firstOf = new Map<string, { index: number; kind?: string; owner?: string | null }>();
  const mayShape = !ctx.access || ctx.access.can(plan.org.id, 'plan');
  // a unit the batch names as responsible is created with its rows, so a cruscotto may belong to it already
  const unitsToCome = new Set(input.rows.flatMap((r) => unitNamesOf(r.responsibleUnit ?? '').map(key)));
  const refuse = (index: number, error: CellError) => {
    cruscotti.refused.add(index);
    if (!folded.repeatOf.has(index)) {
      const p = plans[folded.nodeOf[index]];
      p.errors.push(error);
      p.status = 'rejected';
    } else folded.repeatErrors.set(index, [...(folded.repeatErrors.get(index) ?? []), error]);
  };
  input.rows.forEach((row, index) => {
    if (!inCruscotto(row)) return;
    if (row.delete) return checkRemoval(ctx, index, folded, plans, cruscotti, plan, refuse);
    // a node row's cells were read with the node (errors and all); a repeat's place is read here
    const own = parseRow(index, placementCells(row), { year: input.year, years });
    const { membership } = folded.repeatOf.has(index) ? own.values : plans[folded.nodeOf[index]].parsed.values;
    if (folded.repeatOf.has(index)) {
      for (const e of own.errors) refuse(index, e);
      const level = plans[folded.nodeOf[index]].level;
      if (level && level !== 'indicator')
        for (const column of ['actionLabel', 'position', 'entryLevel', 'entryWeight', 'entryDataSource'] as const)
          if (row[column]?.trim()) refuse(index, cellError(column, 'INDICATOR_ONLY'));
    }
    if (!membership) return;
    const placement: Placement = { index, membership, actionLabel: own.values.actionLabel };
    const name = key(membership.dashboard);
    const first = firstOf.get(name);
    const agree = (column: 'dashboardKind' | 'dashboardOwner', mine?: string | null, theirs?: string | null) => {
      if (mine == null || theirs == null || mine === theirs) return true;
      refuse(
        index,
        cellError(column, 'REPEAT_DIFFERS', {
          level: 'cruscotto',
          raw: membership!.dashboard,
          first: first!.index + 1,
          theirs,
        }),
      );
      return false;
    };
    // an owner nobody has is refused on its own row and says nothing of the cruscotto's other rows
    let owner = membership.owner;
    if (owner) {
      const named = ownerNamed(cruscotti, owner);
      if (named) placement.owner = named;
      else if (unitsToCome.has(key(owner))) placement.ownerToCome = owner;
      else {
        refuse(index, cellError('dashboardOwner', 'UNKNOWN_OWNER', { raw: owner }));
        owner = undefined;
      }
    } else if (owner === null) placement.owner = { unit: null, person: null };
    const ownerKey = owner == null ? owner : key(owner);
    if (!first) firstOf.set(name, { index, kind: membership.kind, owner: ownerKey });
    else {
      agree('dashboardKind', membership.kind, first.kind);
      agree('dashboardOwner', ownerKey, first.owner);
      first.kind ??= membership.kind;
      if (first.owner === undefined) first.owner = ownerKey;
    }
    // a cruscotto and its entries are structure: an approved plan keeps them, and only a controller shapes them
    const existing = cruscotti.dashboards.find((d) => key(d.name) === name);
    const node = plans[folded.nodeOf[index]].node;
    const entry =
      existing && node instanceof Indicator
        ? cruscotti.entries.find((e) => e.dashboard.id === existing.id && e.indicator.id === node.id)
        : undefined;
    const shaping =
      !existing ||
      (node instanceof Indicator && !entry) ||
      (membership.kind !== undefined && membership.kind !== existing.kind) ||
      (placement.owner !== undefined &&
        ((placement.owner.unit?.id ?? null) !== (existing.ownerUnit?.id ?? null) ||
          (placement.owner.person?.id ?? null) !== (existing.ownerPerson?.id ?? null))) ||
      (entry !== undefined &&
        ((membership.position != null && membership.position !== entry.position) ||
          (membership.entryLevel !== undefined && membership.entryLevel !== entry.level) ||
          (membership.weight !== undefined && membership.weight !== (entry.weight ?? null)) ||
          (membership.dataSource !== undefined && membership.dataSource !== (entry.dataSource ?? null)) ||
          (placement.actionLabel !== undefined && placement.actionLabel !== (entry.actionLabel ?? null))));
    if (shaping && plan.status !== PlanStatus.DRAFT)
      refuse(index, cellError('dashboard', 'PLAN_LOCKED', { status: plan.status }));
    else if (shaping && !mayShape)
      refuse(index, cellError('dashboard', 'FORBIDDEN', { role: ctx.access?.roleIn(plan.org.id) ?? 'none' }));
    cruscotti.placements.push(placement);
  });
}

/** The cells a repeat row says of its own place (its node's cells were compared in repeat-rows.ts). */
function placementCells(row: SheetRowIn): SheetRowIn {
  const { actionLabel, dashboard, dashboardKind, dashboardOwner, position, entryLevel, entryWeight, entryDataSource } =
    row;
  return { actionLabel, dashboard, dashboardKind, dashboardOwner, position, entryLevel, entryWeight, entryDataSource };
}

/**
 * A cruscotto row sent with `delete`: its entry leaves that cruscotto, its indicator stays in the plan and in the
 * other cruscotti. Only an indicator row has an entry (a heading stores nothing of its own); the entry must be there;
 * removing it is shaping the plan, so a draft and a controller's role are needed, as for adding it.
 */
function checkRemoval(
  ctx: ServiceContext,
  index: number,
  folded: Folded,
  plans: RowPlan[],
  cruscotti: Cruscotti,
  plan: PlanVersion,
  refuse: (index: number, error: CellError) => void,
): void {
  const p = plans[folded.nodeOf[index]];
  if (p.errors.length > 0 || p.status === 'conflict') return;
  const node = p.node;
  const name = key(p.parsed.input.dashboard ?? '');
  if (!(node instanceof Indicator)) return refuse(index, cellError('delete', 'DELETE_IN_DASHBOARD'));
  const dashboard = cruscotti.dashboards.find((d) => key(d.name) === name);
  const entry =
    dashboard && cruscotti.entries.find((e) => e.dashboard.id === dashboard.id && e.indicator.id === node.id);
  if (!entry)
    return refuse(
      index,
      cellError('delete', 'NOT_IN_DASHBOARD', { raw: node.code, dashboard: p.parsed.input.dashboard!.trim() }),
    );
  if (plan.status !== PlanStatus.DRAFT)
    return refuse(index, cellError('delete', 'PLAN_LOCKED', { status: plan.status }));
  if (ctx.access && !ctx.access.can(plan.org.id, 'plan'))
    return refuse(index, cellError('delete', 'FORBIDDEN', { role: ctx.access.roleIn(plan.org.id) ?? 'none' }));
  cruscotti.placements.push({ index, membership: { dashboard: p.parsed.input.dashboard!.trim() }, remove: true });
}

function ownerNamed(cruscotti: Cruscotti, name: string): { unit: OrgUnit | null; person: Person | null } | null {
  const wanted = key(name);
  const unit = cruscotti.units.find((u) => key(u.name) === wanted);
  if (unit) return { unit, person: null };
  const person = cruscotti.people.find((p) => key(p.fullName) === wanted);
  return person ? { unit: null, person } : null;
}

/**
 * Writes the accepted placements: a cruscotto named for the first time is created (its kind from the cell or its
 * name), an indicator's entry is created or brought up to date. Returns the batch rows whose placement wrote
 * something, so an otherwise unchanged row says UPDATED.
 */
export async function writePlacements(
  ctx: ServiceContext,
  plan: PlanVersion,
  folded: Folded,
  plans: RowPlan[],
  cruscotti: Cruscotti,
  after: PlanState,
): Promise<Set<number>> {
  const written = new Set<number>();
  if (cruscotti.placements.length === 0) return written;
  const { em } = ctx;
  const byName = new Map(cruscotti.dashboards.map((d) => [key(d.name), d]));
  const entryOf = new Map(cruscotti.entries.map((e) => [`${e.dashboard.id}|${e.indicator.id}`, e]));
  const ordinal = new Map<Dashboard, number>();
  let nextPosition = Math.max(0, ...cruscotti.dashboards.map((d) => d.position)) + 1;
  if (cruscotti.placements.some((p) => p.ownerToCome)) {
    cruscotti.units = await em.find(OrgUnit, { org: plan.org.id });
    for (const p of cruscotti.placements)
      if (p.ownerToCome) p.owner = ownerNamed(cruscotti, p.ownerToCome) ?? { unit: null, person: null };
  }
  for (const placement of cruscotti.placements) {
    const { index, membership: m } = placement;
    const p = plans[folded.nodeOf[index]];
    if (cruscotti.refused.has(index) || folded.repeatErrors.get(index)?.length) continue;
    if (p.status === 'rejected' || p.status === 'conflict' || p.status === 'deleted' || !p.status) continue;
    const node = p.created ?? p.node;
    if (!node) continue;
    if (placement.remove) {
      const entry = entryOf.get(`${byName.get(key(m.dashboard))?.id}|${node.id}`);
      if (!entry) continue;
      recordChange(ctx, entry, AuditAction.DELETE, snapshot(em, entry), null, plan.org);
      em.remove(entry);
      entryOf.delete(`${entry.dashboard.id}|${node.id}`);
      cruscotti.removed.add(index);
      written.add(index);
      continue;
    }
    let dashboard = byName.get(key(m.dashboard));
    let changed = false;
    if (!dashboard) {
      dashboard = em.create(Dashboard, {
        org: plan.org,
        plan,
        kind: (m.kind ?? dashboardKindOfName(m.dashboard)) as DashboardKind,
        name: m.dashboard,
        ownerUnit: placement.owner?.unit ?? null,
        ownerPerson: placement.owner?.person ?? null,
        year: null,
        position: nextPosition++,
      });
      byName.set(key(m.dashboard), dashboard);
      recordChange(ctx, dashboard, AuditAction.CREATE, null, snapshot(em, dashboard), plan.org);
      changed = true;
    } else if (
      (m.kind && m.kind !== dashboard.kind) ||
      (placement.owner &&
        ((placement.owner.unit?.id ?? null) !== (dashboard.ownerUnit?.id ?? null) ||
          (placement.owner.person?.id ?? null) !== (dashboard.ownerPerson?.id ?? null)))
    ) {
      const before = snapshot(em, dashboard);
      if (m.kind) dashboard.kind = m.kind as DashboardKind;
      if (placement.owner) {
        dashboard.ownerUnit = placement.owner.unit;
        dashboard.ownerPerson = placement.owner.person;
      }
      recordChange(ctx, dashboard, AuditAction.UPDATE, before, snapshot(em, dashboard), plan.org);
      changed = true;
    }
    if (node instanceof Indicator) {
      const n = (ordinal.get(dashboard) ?? 0) + 1;
      ordinal.set(dashboard, n);
      changed = placeIndicator(ctx, plan, dashboard, node, after, placement, n, entryOf) || changed;
    }
    if (changed) written.add(index);
  }
  await em.flush();
  await flushAuditBuffer(ctx);
  return written;
}

/** One indicator's entry in one cruscotto, created or updated; whether anything was written. */
function placeIndicator(
  ctx: ServiceContext,
  plan: PlanVersion,
  dashboard: Dashboard,
  indicator: Indicator,
  after: PlanState,
  placement: Placement,
  ordinal: number,
  entryOf: Map<string, DashboardEntry>,
): boolean {
  const { em } = ctx;
  const m = placement.membership;
  // the objectives the cruscotto groups the indicator under: its own, as the plan has them after the batch
  const parent = after.nodes.get(parentIdOf(indicator) ?? '');
  const operational = parent instanceof OperationalObjective ? parent : null;
  const strategicId = operational ? parentIdOf(operational) : parent instanceof StrategicObjective ? parent.id : null;
  const wanted = {
    strategicObjective: strategicId ? (after.nodes.get(strategicId) as StrategicObjective | undefined) : null,
    operationalObjective: operational,
  };
  const entryKey = `${dashboard.id}|${indicator.id}`;
  const existing = entryOf.get(entryKey);
  const position = m.position ?? (m.position === undefined && existing ? existing.position : ordinal);
  const level = (m.entryLevel ?? existing?.level ?? defaultLevel(dashboard, indicator)) as EntryLevel;
  const actionLabel = placement.actionLabel !== undefined ? placement.actionLabel : (existing?.actionLabel ?? null);
  const ref = <T extends { id: string }>(entity: T | null | undefined, cls: new () => T) =>
    entity ? em.getReference(cls, entity.id) : null;
  if (!existing) {
    const entry = em.create(DashboardEntry, {
      org: plan.org,
      plan,
      dashboard,
      indicator: em.getReference(Indicator, indicator.id),
      strategicObjective: ref(wanted.strategicObjective, StrategicObjective),
      operationalObjective: ref(wanted.operationalObjective, OperationalObjective),
      weight: m.weight ?? null,
      level,
      actionLabel,
      dataSource: m.dataSource ?? null,
      position,
    });
    entryOf.set(entryKey, entry);
    recordChange(ctx, entry, AuditAction.CREATE, null, snapshot(em, entry), plan.org);
    return true;
  }
  const weight = m.weight !== undefined ? m.weight : (existing.weight ?? null);
  const dataSource = m.dataSource !== undefined ? m.dataSource : (existing.dataSource ?? null);
  if (
    existing.position === position &&
    existing.level === level &&
    (existing.actionLabel ?? null) === actionLabel &&
    (existing.weight ?? null) === weight &&
    (existing.dataSource ?? null) === dataSource
  )
    return false;
  const before = snapshot(em, existing);
  existing.position = position;
  existing.level = level;
  existing.actionLabel = actionLabel;
  existing.weight = weight;
  existing.dataSource = dataSource;
  recordChange(ctx, existing, AuditAction.UPDATE, before, snapshot(em, existing), plan.org);
  return true;
}

/** The strategic cruscotto shows strategic rows; elsewhere an indicator under an operational objective is operational. */
function defaultLevel(dashboard: Dashboard, indicator: Indicator): EntryLevel {
  if (dashboard.kind === DashboardKind.STRATEGIC) return EntryLevel.STRATEGIC;
  return indicator.operationalObjective?.id ? EntryLevel.OPERATIONAL : EntryLevel.STRATEGIC;
}
