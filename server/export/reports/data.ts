/**
 * What every report reads, loaded once in a fixed number of statements: the plan snapshot (all years, for the
 * later-year targets of the plan layouts), the scores of the requested period computed by computePlanScores (the
 * same call and the same inputs as the GraphQL `report`, `realization` and `sheetRows` fields), units, persons and
 * the organisation's name. The scores come from the instance's kept ones when the plan has not changed since they
 * were computed (server/services/score-snapshots.ts); the rows are read managed and never kept.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Checkpoint } from '@core/vocabulary/enums';
import { Baseline, Organisation, OrgUnit, Person, PlanCycle, type Target, type TargetRevision } from '../../entities';
import type { ParsedValue } from '@core/values/types';
import type { PlanApproval } from './document';
import { groupBy } from '../../services/group-by';
import { inCodeOrder } from '../../services/code-order';
import { forPeriod, loadPlanSnapshot, type PlanSnapshot } from '../../services/plan-snapshot';
import { computePlanScores, type PlanScores } from '../../services/realization';
import type { ScoreSnapshots } from '../../services/score-snapshots';
import type { PlanStamp } from '../../services/plan-stamp';
import { checkpointLabel } from '@core/vocabulary/checkpoint';
import type { PlanCompute } from '../../compute/pool';
import { nextTurn } from '../../speed/next-turn';
import { readsTogether } from '../../speed/reads-together';

export type ReportRequest = {
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  /** kind-specific options (e.g. the monitoring alert level) as given on the URL or the command line */
  options?: Record<string, string | undefined>;
};

export type ReportData = {
  request: ReportRequest;
  /** every year and checkpoint */
  full: PlanSnapshot;
  /** the requested year and checkpoint only: what the scores read */
  period: PlanSnapshot;
  scores: PlanScores;
  years: number[];
  organisation: string;
  units: Map<string, OrgUnit>;
  persons: Map<string, Person>;
  /** indicator id → its baselines (previous years' target and actual) */
  baselines: Map<string, Baseline[]>;
  /** "indicatorId|year|checkpoint" → target, and target id → revisions in order: cells without scans */
  targetIndex: Map<string, Target>;
  revisionsOf: Map<string, TargetRevision[]>;
  generatedAt: Date;
  /** scores of the plan's other periods, kept or computed (scoresAt) */
  scoresOf: (checkpoint: Checkpoint) => PlanScores;
};

export async function loadReportData(
  em: EntityManager,
  request: ReportRequest,
  snapshots?: ScoreSnapshots,
  compute?: PlanCompute,
): Promise<ReportData> {
  // the stamp before the rows: scores kept under it are never older than it
  const stamp = (await snapshots?.stamp(em, request.planId)) ?? null;
  // the period's scores first, where the API computes them (a thread when there are some): the document then finds
  // them kept, or in `threaded` when nothing is kept
  const threaded = await scoredInThread(em, request, snapshots, stamp, compute);
  await nextTurn();
  const full = await loadPlanSnapshot(em, request.planId, null);
  const org = full.plan.org.id;
  const [cycle, organisation, units, persons, baselines] = await readsTogether(em, [
    () => em.findOneOrFail(PlanCycle, { id: full.plan.cycle.id }),
    () => em.findOneOrFail(Organisation, { id: org }),
    () => em.find(OrgUnit, { org }),
    () => em.find(Person, { org }),
    () => em.find(Baseline, { indicator: { plan: request.planId } }, { orderBy: { year: 'asc' } }),
  ] as const);
  const period = forPeriod(full, request.year, request.checkpoint);
  const scoresOf = (checkpoint: Checkpoint) =>
    checkpoint === request.checkpoint && threaded
      ? threaded
      : keptOrComputed(snapshots, stamp, full, request.year, checkpoint);
  return {
    request,
    full,
    period,
    scores: scoresOf(request.checkpoint),
    years: [...cycle.years].sort((a, b) => a - b),
    organisation: organisation.name,
    units: new Map(units.map((u) => [u.id, u])),
    persons: new Map(persons.map((p) => [p.id, p])),
    baselines: groupBy(baselines, (b) => b.indicator.id),
    targetIndex: new Map(full.targets.map((t) => [`${t.indicator.id}|${t.year}|${t.checkpoint}`, t])),
    revisionsOf: groupBy(full.revisions, (r) => r.target.id),
    generatedAt: new Date(),
    scoresOf,
  };
}

/**
 * The period's scores computed in a compute thread (issue 13, item 5), from rows read for that outside the unit of
 * work in slices (plan-snapshot.ts): managed rows cannot be copied to a thread, and scoring a 5,000-indicator plan
 * held the event loop for half a second. Null when they are kept already or there are no threads (then they are
 * computed on the event loop as before, keptOrComputed).
 */
async function scoredInThread(
  em: EntityManager,
  request: ReportRequest,
  snapshots: ScoreSnapshots | undefined,
  stamp: PlanStamp | null,
  compute: PlanCompute | undefined,
): Promise<PlanScores | null> {
  const { planId, year, checkpoint } = request;
  if (!compute || compute.threads === 0 || snapshots?.get(stamp, year, checkpoint)) return null;
  const period = await loadPlanSnapshot(em, planId, { year, checkpoint }, { readOnly: true, sliced: true });
  const scores = await compute.run({ kind: 'scores', snapshot: period, year, checkpoint });
  snapshots?.put(stamp, year, checkpoint, { scores, snapshot: period });
  return scores;
}

/** The same scores the API serves: kept ones of this stamp, or computed from the managed rows (kept without them). */
function keptOrComputed(
  snapshots: ScoreSnapshots | undefined,
  stamp: PlanStamp | null,
  full: PlanSnapshot,
  year: number,
  checkpoint: Checkpoint,
): PlanScores {
  const kept = snapshots?.get(stamp, year, checkpoint);
  if (kept) return kept.scores;
  const scores = computePlanScores(forPeriod(full, year, checkpoint), year, checkpoint);
  snapshots?.put(stamp, year, checkpoint, { scores, snapshot: null });
  return scores;
}

/** Scores of another checkpoint of the same year (the 30/6 monitoring reads both), by the same service. */
export function scoresAt(data: ReportData, checkpoint: Checkpoint): PlanScores {
  if (checkpoint === data.request.checkpoint) return data.scores;
  return data.scoresOf(checkpoint);
}

/**
 * A label as the Italian documents say it: one stored by an earlier import in English ("(import 2024-03-01,
 * revision 1)") in Italian, and the example plan's "(example values, not official)" left to the API's label, the
 * Italian "VALORI DI ESEMPIO, non ufficiali" before it saying the same.
 */
export function planLabelIt(label: string): string {
  return label
    .replace(
      /\(import (\d{4})-(\d{2})-(\d{2}), revision (\d+)\)/,
      (_, y: string, m: string, d: string, r: string) =>
        `(importato il ${Number(d)}/${Number(m)}/${y}, revisione ${r})`,
    )
    .replace(/ \(example values, not official\)$/, '');
}

export function approvalOf(data: ReportData): PlanApproval {
  const plan = data.full.plan;
  return {
    label: planLabelIt(plan.label),
    status: plan.status,
    approvedAt: plan.approvedAt ?? null,
    approvedBy: (plan.approvedBy && data.persons.get(plan.approvedBy.id)?.fullName) || plan.approvedByUser || null,
    adoptingAct: plan.adoptingAct ?? null,
  };
}

export function subtitleOf(data: ReportData): string {
  return `${data.organisation} · ${planLabelIt(data.full.plan.label)} · anno ${data.request.year}, rilevazione al ${checkpointLabel(data.request.checkpoint)}`;
}

/** A target cell as the plan prints it: the effective value's raw text, the original and the revision if any. */
export function targetCell(
  data: ReportData,
  indicatorId: string,
  year: number,
  checkpoint: Checkpoint,
): { effective: string | null; original: string | null; revised: string | null } {
  const target = data.targetIndex.get(`${indicatorId}|${year}|${checkpoint}`);
  if (!target) return { effective: null, original: null, revised: null };
  const revisions = data.revisionsOf.get(target.id) ?? [];
  const effective = revisions.filter((r) => r.approved).at(-1);
  return {
    effective: effective?.value.raw ?? null,
    original: revisions[0]?.value.raw ?? null,
    revised: effective && effective.seq > 0 ? effective.value.raw : null,
  };
}

export const rawOf = (v: ParsedValue | null | undefined): string | null => v?.raw ?? null;

/** The plan's tree as the plan documents print it: each parent's children by parent id, in code order. */
export function childrenInCodeOrder(full: PlanSnapshot) {
  return {
    sosOf: groupBy(inCodeOrder(full.strategicObjectives), (o) => o.perspective.id),
    oosOf: groupBy(inCodeOrder(full.operationalObjectives), (o) => o.strategicObjective?.id),
    indicatorsOf: groupBy(inCodeOrder(full.indicators), (i) => i.operationalObjective?.id ?? i.strategicObjective?.id),
  };
}
