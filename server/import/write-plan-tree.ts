/**
 * The plan's content as rows: projects and their activities, then perspectives, strategic and operational
 * objectives, indicators with their targets, target revisions and baselines. Kind and unit of an indicator come from
 * its first stated target.
 */
import { Checkpoint, IndicatorStatus, RevisionKind, TargetMode } from '@core/vocabulary/enums';
import { parseValue } from '@core/values';
import type { ParsedValue } from '@core/values/types';
import {
  Activity,
  Baseline,
  Indicator,
  OperationalObjective,
  Perspective,
  Project,
  StrategicObjective,
  Target,
  TargetRevision,
} from '../entities';
import type { IndicatorDraft, TargetDraft } from './draft';
import { indicatorsOf } from './draft';
import { kindOf } from './value-cells';
import type { PlanWriter } from './write-plan-writer';

export function writeProjects(writer: PlanWriter): void {
  writer.draft.projects.forEach((p, pi) => {
    const project = writer.make(Project, {
      plan: writer.plan,
      name: p.name,
      responsible: writer.person(p.responsibleKey),
      position: pi + 1,
    });
    writer.projects.set(p.key, project);
    p.activities.forEach((a, ai) => {
      writer.make(Activity, {
        project,
        name: a.name,
        responsible: writer.person(a.responsibleKey),
        weight: writer.weight(a.weight, `activity ${a.name}`, a.line),
        rule: a.rule ?? null,
        target: a.target ? parseValue(a.target, { role: 'target' }) : null,
        position: ai + 1,
      });
    });
  });
}

export function writeTree(writer: PlanWriter): void {
  const { plan } = writer;
  writer.draft.perspectives.forEach((p, pi) => {
    const perspective = writer.make(Perspective, {
      plan,
      code: p.code ?? null,
      name: writer.fit(p.name, 500, `perspective ${p.key}`, p.line),
      position: pi + 1,
    });
    p.strategicObjectives.forEach((s, si) => {
      const so = writer.make(StrategicObjective, {
        plan,
        perspective,
        code: s.code,
        title: s.title,
        ...statedOrNull(s, 'description', 'kpi', 'missionCode', 'passMark', 'ownShare', 'relevance'),
        strategicArea: writer.fitOrNull(s.strategicArea, 300, `strategic objective ${s.code}`, s.line),
        position: si + 1,
      });
      writer.sos.set(s.key, so);
      s.indicators.forEach((i, ii) => writeIndicator(writer, i, { strategicObjective: so }, ii + 1));
      s.operationalObjectives.forEach((o, oi) => {
        const oo = writer.make(OperationalObjective, {
          plan,
          strategicObjective: so,
          code: o.code,
          title: o.title,
          ...statedOrNull(o, 'description', 'kpi', 'expectedBenefit', 'plannedActions', 'relevance', 'purposeClass'),
          weight: writer.weight(o.weight, `operational objective ${o.code}`, o.line),
          contributes: o.contributes ?? true,
          cardPerspective: writer.fitOrNull(o.cardPerspective, 300, `operational objective ${o.code}`, o.line),
          effort: writer.fitOrNull(o.effort, 300, `operational objective ${o.code}`, o.line),
          budgetLines: o.budgetLines ?? [],
          evidence: o.evidence ?? [],
          isNew: o.isNew ?? false,
          position: oi + 1,
        });
        for (const k of o.unitKeys ?? []) if (writer.units.has(k)) oo.responsibleUnits.add(writer.units.get(k)!);
        for (const k of o.personKeys ?? [])
          if (writer.persons.has(k)) oo.responsiblePersons.add(writer.persons.get(k)!);
        writer.oos.set(o.key, oo);
        o.indicators.forEach((i, ii) => writeIndicator(writer, i, { operationalObjective: oo }, ii + 1));
      });
    });
  });
  for (const i of indicatorsOf(writer.draft)) {
    if (i.replacedByKey && writer.indicators.has(i.replacedByKey))
      writer.indicators.get(i.key)!.replacedBy = writer.indicators.get(i.replacedByKey)!;
  }
}

function writeIndicator(
  writer: PlanWriter,
  i: IndicatorDraft,
  parent: { strategicObjective: StrategicObjective } | { operationalObjective: OperationalObjective },
  position: number,
): void {
  // Kind and unit from the first stated target; a plan with only "qualitativa" is a text indicator.
  const parsed = i.targets.map((t) => parseValue(t.raw, { year: t.year, role: 'target' }));
  const first =
    parsed.find((v) => v.kind !== 'empty' && v.kind !== 'placeholder') ??
    parsed.find((v) => v.placeholder === 'qualitative');
  const { unit, valueKind } = first ? kindOf(first) : { unit: null, valueKind: undefined };
  const indicator = writer.make(Indicator, {
    plan: writer.plan,
    ...parent,
    code: i.code,
    title: i.title,
    ...statedOrNull(i, 'actionLabel', 'formula', 'numerator', 'denominator', 'rule', 'replacedOn', 'replacementReason'),
    unit,
    ...(valueKind ? { valueKind } : {}),
    ...(i.polarity ? { polarity: i.polarity.value, polarityEvidence: i.polarity.evidence } : {}),
    polarityConfirmed: false,
    weight: writer.weight(i.weight, `indicator ${i.code}`, i.line),
    monitoring: i.monitoring ?? false,
    dataSource: writer.fitOrNull(i.dataSource, 300, `indicator ${i.code}`, i.line),
    categories: i.categories ?? [],
    status: i.replacedByKey ? IndicatorStatus.REPLACED : IndicatorStatus.ACTIVE,
    project: i.projectKey ? (writer.projects.get(i.projectKey) ?? null) : null,
    position,
  });
  for (const k of i.unitKeys ?? []) if (writer.units.has(k)) indicator.responsibleUnits.add(writer.units.get(k)!);
  writer.indicators.set(i.key, indicator);
  const seen = new Set<string>();
  for (const t of i.targets) {
    const slot = `${t.year} ${t.checkpoint}`;
    if (seen.has(slot)) {
      writer.review.warning(
        t.line,
        `indicator ${i.code}`,
        'TARGET_DUPLICATE',
        `Two targets for ${slot}: the first is kept.`,
        `Due target per ${slot}: si tiene il primo.`,
        t.raw,
      );
      continue;
    }
    seen.add(slot);
    writeTarget(writer, indicator, t, first ? unitFor(t, first, unit) : undefined);
  }
  for (const b of i.baselines) {
    writer.make(Baseline, {
      indicator,
      year: b.year,
      note: b.note ?? `source line ${b.line}`,
      target: b.target != null ? parseValue(b.target, { year: b.year, role: 'target', unit: unit ?? undefined }) : null,
      actual: b.actual != null ? parseValue(b.actual, { year: b.year, role: 'actual', unit: unit ?? undefined }) : null,
    });
  }
}

function writeTarget(writer: PlanWriter, indicator: Indicator, t: TargetDraft, unit: string | undefined): void {
  const value = parseValue(t.raw, { year: t.year, unit, role: 'target' });
  const mode = t.mode ?? (value.placeholder === 'monitoring' ? TargetMode.MONITORING : TargetMode.SCORED);
  const target = writer.make(Target, {
    plan: writer.plan,
    indicator,
    year: t.year,
    checkpoint: t.checkpoint ?? Checkpoint.YEAR_END,
    mode,
    polarity: t.polarity?.value ?? null,
    rule: t.rule ?? null,
    thresholds: t.thresholds.map((th) => ({
      value: parseValue(th.raw, { year: t.year, unit, role: 'threshold' }),
      score: th.score,
    })),
  });
  writer.make(TargetRevision, {
    target,
    seq: 0,
    kind: RevisionKind.ORIGINAL,
    approved: true,
    value,
    note: `source line ${t.line}`,
  });
  t.revisions.forEach((r, ri) => {
    writer.make(TargetRevision, {
      target,
      seq: ri + 1,
      kind: RevisionKind.REVISED,
      approved: true,
      value: parseValue(r.raw, { year: t.year, unit, role: 'target' }),
      ...statedOrNull(r, 'adoptingAct', 'actDate'),
      note: r.note ?? `source line ${r.line}`,
    });
  });
}

/** The draft's cells `keys` as columns: what the document leaves unsaid (absent from the draft) is stored as null. */
function statedOrNull<T, K extends keyof T>(draft: T, ...keys: K[]): OrNull<Pick<T, K>> {
  return Object.fromEntries(keys.map((key) => [key, draft[key] ?? null])) as OrNull<Pick<T, K>>;
}
type OrNull<T> = { [P in keyof T]-?: Exclude<T[P], undefined> | null };

/** The unit of the first stated target applies to bare numbers of the same kind ("70" next to "65%"), not to another kind's year. */
function unitFor(t: TargetDraft, first: ParsedValue, unit: string | null): string | undefined {
  if (t.polarity) return undefined;
  return first.kind === 'date' ? undefined : (unit ?? undefined);
}
