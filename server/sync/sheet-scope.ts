/**
 * A sheet scoped to one responsible unit or one cruscotto (issue 18, item 7): its indicators are those the unit is
 * responsible for, or those the cruscotto lists; the perspectives and objectives above them come along as read-only
 * context rows, so the sheet keeps the plan's layout (docs/sheet-contract.md, "A sheet of one unit or cruscotto").
 * The scope is resolved against the plan's own state: a unit of another organisation, or a cruscotto of another
 * plan, is not found, exactly like a row of another organisation.
 */
import { NotFoundError, ForbiddenError, InputError } from '../errors';
import type { ServiceContext } from '../services/service-context';

import { parentIdOf, type PlanState } from './plan-state';
import type { SheetRowOut } from './sheet-rows';

/** what a request names: one unit, or one cruscotto, or neither (the whole plan) */
export type SheetScopeInput = { unitId?: string | null; dashboardId?: string | null };

export type SheetScope = {
  kind: 'unit' | 'dashboard';
  id: string;
  name: string;
  /** the indicators in scope: the sheet's own rows */
  indicators: Set<string>;
  /** the perspectives and objectives above them: shown, never changed through this sheet */
  context: Set<string>;
};

const idOf = (ref: unknown): string | null => (ref as { id?: string } | null | undefined)?.id ?? null;

/**
 * Who may scope a sheet to what, in one organisation: the one rule behind resolveScope (which refuses) and
 * bindableScopes (which lists, so the pane offers only what the server accepts). A caller whose work is limited to
 * some units (a unit editor, a viewer whose grant names units) may bind their own units and the cruscotti one of them
 * owns; everyone else every unit and cruscotto of the organisation. Only the units of the grant, not the units below
 * them: the rows a unit editor may write are those of their own units (server/auth/access.ts), and a sheet of a unit
 * below would be a sheet whose every row its Sync refuses.
 */
export function bindingRule(ctx: Pick<ServiceContext, 'access'>, orgId: string) {
  const limited = ctx.access?.unitsIn(orgId) ?? null;
  return {
    /** the caller's units, when their sheets are limited to them; null when every unit is theirs to bind */
    limited,
    unit: (unitId: string) => !limited || limited.includes(unitId),
    dashboard: (dashboard: { ownerUnit?: unknown }) => {
      const owner = idOf(dashboard.ownerUnit);
      return !limited || (!!owner && limited.includes(owner));
    },
  };
}

/**
 * The scope a request names, checked: exactly one of unit and cruscotto, of this plan's organisation (or this plan),
 * and one the caller may bind (bindingRule). Null for the whole plan.
 */
export function resolveScope(ctx: ServiceContext, state: PlanState, input?: SheetScopeInput | null): SheetScope | null {
  const unitId = input?.unitId || null;
  const dashboardId = input?.dashboardId || null;
  if (!unitId && !dashboardId) return null;
  if (unitId && dashboardId)
    throw InputError.of(
      'scope',
      'ONE_SCOPE',
      'name one unit or one cruscotto, not both / indicare una unità o un cruscotto, non entrambi',
    );
  const orgId = state.plan.org.id;
  const may = bindingRule(ctx, orgId);
  const refuse = (what: string) => {
    throw new ForbiddenError(
      `You may bind only a sheet of your own units, not ${what} / Si può collegare solo un foglio delle proprie unità, non ${what}`,
      'actuals',
      ctx.access?.roleIn(orgId) ?? null,
    );
  };
  const indicators = new Set<string>();
  let scope: Omit<SheetScope, 'indicators' | 'context'>;
  if (unitId) {
    const unit = state.unitsById.get(unitId);
    if (!unit) throw new NotFoundError('OrgUnit', unitId);
    if (!may.unit(unit.id)) refuse(`"${unit.name}"`);
    scope = { kind: 'unit', id: unit.id, name: unit.name };
    for (const [indicatorId, units] of state.snapshot.unitsOf) if (units.includes(unit.id)) indicators.add(indicatorId);
  } else {
    const dashboard = state.snapshot.dashboards.find((d) => d.id === dashboardId);
    if (!dashboard) throw new NotFoundError('Dashboard', dashboardId!);
    if (!may.dashboard(dashboard)) refuse(`"${dashboard.name}"`);
    scope = { kind: 'dashboard', id: dashboard.id, name: dashboard.name };
    for (const e of state.snapshot.entries) {
      if (idOf(e.dashboard) === dashboard.id) indicators.add(idOf(e.indicator)!);
    }
  }
  const context = new Set<string>();
  for (const id of indicators) {
    let node = state.nodes.get(id);
    if (!node) {
      indicators.delete(id);
      continue;
    }
    for (let parent = parentIdOf(node); parent && !context.has(parent); parent = parentIdOf(node)) {
      context.add(parent);
      node = state.nodes.get(parent);
      if (!node) break;
    }
  }
  return { ...scope, indicators, context };
}

/** whether a row is on the scoped sheet, as one of its own rows or as context above them */
export function onSheet(scope: SheetScope, rowId: string): boolean {
  return scope.indicators.has(rowId) || scope.context.has(rowId);
}

/** the rows of the plan a scoped sheet holds, in the plan's order */
export function rowsInScope(scope: SheetScope | null, rows: SheetRowOut[]): SheetRowOut[] {
  return scope ? rows.filter((r) => onSheet(scope, r.rowId)) : rows;
}

/**
 * A delta of a scoped sheet: the changed rows still on it, and, with the deleted rows, the changed rows that left
 * it (an indicator whose units no longer include the sheet's unit): the sheet drops them as it drops deleted rows.
 */
export function deltaInScope<R = SheetRowOut>(
  scope: SheetScope | null,
  delta: { rows: R[]; deletedRowIds: string[] },
  idOf: (row: R) => string = (row) => (row as SheetRowOut).rowId,
): { rows: R[]; deletedRowIds: string[] } {
  if (!scope) return delta;
  const left = delta.rows.filter((r) => !onSheet(scope, idOf(r))).map(idOf);
  return { rows: delta.rows.filter((r) => onSheet(scope, idOf(r))), deletedRowIds: [...delta.deletedRowIds, ...left] };
}
