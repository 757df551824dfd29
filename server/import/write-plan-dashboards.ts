/**
 * The rows that bind the plan to its managers: dashboards and their entries, manager assignments with the weights
 * before and after a re-weighting, and the incentive funds' unit values of the cycle.
 */
import { Dashboard, DashboardEntry, FundParameter, ManagerAssignment, PlanCycle } from '../entities';
import type { PlanWriter } from './write-plan-writer';

export function writeDashboards(writer: PlanWriter): void {
  writer.draft.dashboards.forEach((d, di) => {
    const dashboard = writer.make(Dashboard, {
      plan: writer.plan,
      kind: d.kind,
      name: writer.fit(d.name, 300, `dashboard ${d.key}`, d.line),
      ownerUnit: d.ownerUnitKey ? (writer.units.get(d.ownerUnitKey) ?? null) : null,
      ownerPerson: writer.person(d.ownerPersonKey),
      year: d.year ?? null,
      position: di + 1,
    });
    d.entries.forEach((e, ei) => {
      const indicator = writer.indicators.get(e.indicatorKey);
      if (!indicator) {
        writer.review.unreadable(
          e.line,
          `dashboard ${d.name}`,
          'ENTRY_WITHOUT_INDICATOR',
          `Entry refers to an indicator that was not read (${e.indicatorKey}): left out.`,
          `La riga rimanda a un indicatore non letto (${e.indicatorKey}): esclusa.`,
          e.indicatorKey,
        );
        return;
      }
      writer.make(DashboardEntry, {
        plan: writer.plan,
        dashboard,
        indicator,
        position: ei + 1,
        level: e.level,
        actionLabel: e.actionLabel ?? null,
        dataSource: writer.fitOrNull(e.dataSource, 300, `dashboard entry ${indicator.code}`, e.line),
        strategicObjective: e.strategicObjectiveKey ? (writer.sos.get(e.strategicObjectiveKey) ?? null) : null,
        operationalObjective: e.operationalObjectiveKey ? (writer.oos.get(e.operationalObjectiveKey) ?? null) : null,
        weight: writer.weight(e.weight ?? null, `dashboard entry ${indicator.code}`, e.line),
      });
    });
  });
}

/** Weights before and after a re-weighting become two rows with validity dates; equal weights one row. */
export function writeAssignments(writer: PlanWriter): void {
  writer.draft.assignments.forEach((a, ai) => {
    const manager = writer.person(a.managerKey);
    const objective = {
      strategicObjective: a.strategicObjectiveKey ? (writer.sos.get(a.strategicObjectiveKey) ?? null) : null,
      operationalObjective: a.operationalObjectiveKey ? (writer.oos.get(a.operationalObjectiveKey) ?? null) : null,
    };
    if (!manager || (!objective.strategicObjective && !objective.operationalObjective)) {
      writer.review.unreadable(
        a.line,
        'assignment',
        'ASSIGNMENT_UNRESOLVED',
        'Manager assignment refers to a manager or objective that was not read: left out.',
        "L'assegnazione rimanda a un dirigente o a un obiettivo non letto: esclusa.",
        `${a.managerKey} → ${a.strategicObjectiveKey ?? a.operationalObjectiveKey}`,
      );
      return;
    }
    const before = writer.weight(a.weightBefore, 'assignment', a.line);
    const after = writer.weight(a.weightAfter, 'assignment', a.line);
    const from = a.reweightedFrom ?? null;
    const base = { plan: writer.plan, manager, ...objective, jointGroup: a.jointGroup ?? null, position: ai + 1 };
    if (before !== null && after !== null && before === after) {
      writer.make(ManagerAssignment, { ...base, weight: before });
      return;
    }
    // Without a re-weighting date the printed weight holds all year; with one, each weight holds on its side of it.
    if (before !== null)
      writer.make(ManagerAssignment, { ...base, weight: before, validTo: from ? dayBefore(from) : null });
    if (after !== null) writer.make(ManagerAssignment, { ...base, weight: after, validFrom: from });
  });
}

export async function writeFunds(writer: PlanWriter, cycle: PlanCycle, cycleExisted: boolean): Promise<void> {
  const existing = cycleExisted ? await writer.tx.find(FundParameter, { cycle }) : [];
  for (const f of writer.draft.funds) {
    if (existing.some((e) => e.fund === f.fund)) continue;
    const value = writer.weight(f.unitValue, `fund ${f.fund}`, f.line);
    if (value === null) continue;
    writer.make(FundParameter, { cycle, fund: f.fund, unitValue: value, note: f.note ?? `source line ${f.line}` });
  }
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
