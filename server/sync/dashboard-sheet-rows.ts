/**
 * The cruscotti in sheet shape (the read side of issue 14, item 5): after the plan's rows, each cruscotto as its
 * table prints it, in its order: an indicator's perspective and objectives as headings the first time they appear,
 * then the indicator with its place (order, level, "Azione"). Every row names its node by the node's own rowId, so
 * the rows of one node in several cruscotti share an id: such a row is (cruscotto, rowId), never a second node.
 * Sent back unchanged, these rows change nothing (docs/sheet-contract.md, "Cruscotti").
 */
import type { EntityManager } from '@mikro-orm/core';
import { Dashboard, DashboardEntry } from '../entities';
import { parentIdOf, type PlanNode, type PlanState } from './plan-state';
import { sheetRowOf, type SheetRowOut } from './sheet-rows';
import { readsTogether } from '../speed/reads-together';

export async function dashboardRows(em: EntityManager, state: PlanState): Promise<SheetRowOut[]> {
  const plan = state.plan.id;
  const [dashboards, entries] = await readsTogether(em, [
    () =>
      em.find(Dashboard, { plan }, { orderBy: { position: 'asc', id: 'asc' }, populate: ['ownerUnit', 'ownerPerson'] }),
    () => em.find(DashboardEntry, { plan }, { orderBy: { position: 'asc', id: 'asc' } }),
  ] as const);
  const entriesOf = new Map<string, DashboardEntry[]>();
  for (const e of entries) entriesOf.set(e.dashboard.id, [...(entriesOf.get(e.dashboard.id) ?? []), e]);
  const rows: SheetRowOut[] = [];
  for (const dashboard of dashboards) {
    const place = {
      dashboard: dashboard.name,
      dashboardKind: dashboard.kind,
      dashboardOwner: dashboard.ownerUnit?.name ?? dashboard.ownerPerson?.fullName ?? null,
    };
    const shown = new Set<string>();
    const heading = (node: PlanNode | undefined) => {
      if (!node || shown.has(node.id)) return;
      heading(state.nodes.get(parentIdOf(node) ?? ''));
      shown.add(node.id);
      rows.push({ ...sheetRowOf(state, node), ...place, actionLabel: null });
    };
    for (const entry of entriesOf.get(dashboard.id) ?? []) {
      const indicator = state.nodes.get(entry.indicator.id);
      if (!indicator) continue;
      heading(state.nodes.get(parentIdOf(indicator) ?? ''));
      rows.push({
        ...sheetRowOf(state, indicator),
        ...place,
        position: entry.position,
        entryLevel: entry.level,
        entryWeight: entry.weight ?? null,
        entryDataSource: entry.dataSource ?? null,
        actionLabel: entry.actionLabel ?? null,
      });
    }
  }
  return rows;
}
