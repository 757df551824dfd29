/**
 * Persists a PlanDraft into the model in ONE transaction. Rows are created in memory and flushed together, so
 * MikroORM writes them with one multi-row INSERT per table (and per pivot), whatever the size of the plan; the
 * look-ups before are a fixed handful of queries.
 *
 * Idempotency is keyed on the file's sha256 within the organisation, recorded in the import's audit event: the same
 * file again changes nothing and says so. A different file for an existing plan version (same cycle and revision) is
 * refused unless `replace`, and then becomes a NEW revision of the cycle: an existing plan, approved or not, is
 * never overwritten.
 */
import { createHash } from 'node:crypto';
import type { EntityClass, EntityManager, RequiredEntityData } from '@mikro-orm/core';
import {
  AuditAction,
  ChangeSource,
  Checkpoint,
  IndicatorStatus,
  PlanStatus,
  ProfileStatus,
  RevisionKind,
  TargetMode,
} from '@core/vocabulary/enums';
import { PROFILE_PRESETS } from '@core/scoring/profiles';
import { parseValue } from '@core/values';
import type { ParsedValue } from '@core/values/types';
import {
  Activity,
  Baseline,
  Dashboard,
  DashboardEntry,
  FundParameter,
  Indicator,
  ManagerAssignment,
  ManagerRole,
  OperationalObjective,
  OrgUnit,
  Organisation,
  Person,
  Perspective,
  PlanCycle,
  PlanVersion,
  Project,
  ScoringProfile,
  StrategicObjective,
  Target,
  TargetRevision,
} from '../entities';
import { AuditEvent } from '../entities/audit-event';
import type { IndicatorDraft, PlanDraft, TargetDraft } from './draft';
import { indicatorsOf } from './draft';
import type { ReviewReport } from './review';
import { kindOf, weightOf } from './value-cells';

export interface WritePlanOptions {
  fileName: string;
  sha256: string;
  /** write into this organisation instead of the one the document names */
  orgCode?: string | null;
  replace?: boolean;
  dryRun?: boolean;
  actor?: string | null;
  onProgress?: (message: string) => void;
}

export interface WritePlanResult {
  planId: string | null;
  created: boolean;
  alreadyImported: boolean;
  revision: number | null;
  message: string;
  /** rows written (or that would be, on a dry run), per kind */
  counts: Record<string, number>;
}

/** A changed file for an existing plan version, without `replace`. */
export class ImportConflictError extends Error {}

const SHA_MARK = 'sha256:';

export async function writePlan(
  em: EntityManager,
  draft: PlanDraft,
  review: ReviewReport,
  options: WritePlanOptions,
): Promise<WritePlanResult> {
  const progress = options.onProgress ?? (() => undefined);
  const orgCode = options.orgCode || draft.organisation.code;
  return em.transactional(async (tx) => {
    const org = await tx.findOne(Organisation, { code: orgCode });
    if (org) {
      const previous = await tx.findOne(
        AuditEvent,
        {
          org,
          source: ChangeSource.IMPORT,
          entityType: 'PlanVersion',
          sourceDetail: { $like: `%${SHA_MARK}${options.sha256}` },
        },
        { orderBy: { at: 'desc' } },
      );
      if (previous && (await tx.count(PlanVersion, { id: previous.entityId })) > 0) {
        const plan = await tx.findOneOrFail(PlanVersion, previous.entityId);
        return {
          planId: plan.id,
          created: false,
          alreadyImported: true,
          revision: plan.revision,
          counts: {},
          message: `Already imported: this file (sha256 ${options.sha256.slice(0, 12)}…) is plan "${plan.label}" (revision ${plan.revision}) of ${orgCode}; nothing changed.`,
        };
      }
    }
    const cycle = org ? await tx.findOne(PlanCycle, { org, name: draft.cycle.name }) : null;
    const versions = cycle ? await tx.find(PlanVersion, { cycle }, { orderBy: { revision: 'desc' } }) : [];
    const clash = versions.find((v) => v.revision === draft.version.revision);
    let revision = draft.version.revision;
    if (clash) {
      if (!options.replace) {
        throw new ImportConflictError(
          `Plan "${clash.label}" (cycle "${draft.cycle.name}", revision ${clash.revision}, ${clash.status}) already exists in ${orgCode} ` +
            `and was not imported from this file. Nothing was written. Import with replace (--replace) to add this file as a new revision; the existing plan is kept.`,
        );
      }
      revision = versions[0].revision + 1;
    }
    const counts = countsOf(draft);
    if (options.dryRun) {
      return {
        planId: null,
        created: false,
        alreadyImported: false,
        revision,
        counts,
        message: `Dry run: would create plan "${draft.version.label}" revision ${revision} in ${orgCode}${clash ? ` (a new revision next to "${clash.label}")` : ''}; nothing written.`,
      };
    }

    const w = new Writer(tx, draft, review, options);
    const plan = await w.write(org, orgCode, cycle, revision, clash ?? null);
    progress(
      `writing ${Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}`,
    );
    await tx.flush();
    progress('written');
    return {
      planId: plan.id,
      created: true,
      alreadyImported: false,
      revision,
      counts,
      message: `Created plan "${plan.label}" (revision ${revision}) in ${orgCode}${clash ? `, a new revision next to "${clash.label}" (kept unchanged)` : ''}.`,
    };
  });
}

function countsOf(d: PlanDraft): Record<string, number> {
  const sos = d.perspectives.flatMap((p) => p.strategicObjectives);
  const indicators = indicatorsOf(d);
  return {
    perspectives: d.perspectives.length,
    strategicObjectives: sos.length,
    operationalObjectives: sos.reduce((n, s) => n + s.operationalObjectives.length, 0),
    indicators: indicators.length,
    targets: indicators.reduce((n, i) => n + i.targets.length, 0),
    baselines: indicators.reduce((n, i) => n + i.baselines.length, 0),
    units: d.units.length,
    persons: d.persons.length,
    dashboards: d.dashboards.length,
    dashboardEntries: d.dashboards.reduce((n, x) => n + x.entries.length, 0),
    assignments: d.assignments.length,
    projects: d.projects.length,
  };
}

class Writer {
  private readonly units = new Map<string, OrgUnit>();
  private readonly persons = new Map<string, Person>();
  private readonly sos = new Map<string, StrategicObjective>();
  private readonly oos = new Map<string, OperationalObjective>();
  private readonly indicators = new Map<string, Indicator>();
  private readonly projects = new Map<string, Project>();
  private org!: Organisation;
  private plan!: PlanVersion;

  constructor(
    private readonly tx: EntityManager,
    private readonly draft: PlanDraft,
    private readonly review: ReviewReport,
    private readonly options: WritePlanOptions,
  ) {}

  /** A row of the organisation being written. Each call's data is checked against its entity, all but `org`. */
  private make<T extends { org?: Organisation | null }>(
    entity: EntityClass<T>,
    data: Omit<RequiredEntityData<T>, 'org'>,
  ): T {
    // cast: the compiler cannot add `org` back into the data type of an open T
    return this.tx.create(entity, { org: this.org, ...data } as RequiredEntityData<T>);
  }

  async write(
    org: Organisation | null,
    orgCode: string,
    cycle: PlanCycle | null,
    revision: number,
    previous: PlanVersion | null,
  ): Promise<PlanVersion> {
    const { tx, draft } = this;
    this.org = org ?? tx.create(Organisation, { name: draft.organisation.name || orgCode, code: orgCode });
    const existingUnits = org
      ? await tx.find(OrgUnit, { org, code: { $in: draft.units.map((u) => unitCode(u.key)) } })
      : [];
    const existingPersons = org
      ? await tx.find(Person, { org, fullName: { $in: draft.persons.map((p) => p.fullName) } })
      : [];
    const preset = PROFILE_PRESETS[draft.profilePreset];
    let profile = org
      ? await tx.findOne(ScoringProfile, { org, name: preset.name, profileVersion: preset.version })
      : null;
    if (!profile) {
      const { name: _n, version: _v, status: _s, ...parameters } = preset;
      profile = this.make(ScoringProfile, {
        name: preset.name,
        profileVersion: preset.version,
        status: ProfileStatus.DRAFT,
        parameters,
      });
    }
    const thisCycle =
      cycle ??
      this.make(PlanCycle, { name: draft.cycle.name, firstYear: draft.cycle.firstYear, years: draft.cycle.years });
    const label = previous
      ? `${draft.version.label} (import ${new Date().toISOString().slice(0, 10)}, revision ${revision})`
      : draft.version.label;
    this.plan = this.make(PlanVersion, {
      cycle: thisCycle,
      revision,
      label: this.fit(label, 200, 'plan', draft.version.line ?? null),
      status: PlanStatus.DRAFT,
      scoringProfile: profile,
      previousVersion: previous,
      adoptingAct: draft.version.adoptingAct ?? null,
      actDate: draft.version.actDate ?? null,
    });
    if (draft.version.status === 'approved') {
      this.review.warning(
        draft.version.line ?? null,
        'plan',
        'IMPORTED_AS_DRAFT',
        'The document is an approved plan; it is imported as a draft, to be reviewed and approved in Cruscotto.',
        'Il documento è un piano approvato; è importato come bozza, da rivedere e approvare in Cruscotto.',
        draft.version.label,
      );
    }

    for (const u of existingUnits) {
      const key = draft.units.find((d) => unitCode(d.key) === u.code)?.key;
      if (key) this.units.set(key, u);
    }
    for (const u of draft.units) {
      if (!this.units.has(u.key))
        this.units.set(
          u.key,
          this.make(OrgUnit, {
            name: this.fit(u.name, 300, `unit ${u.key}`, u.line ?? null),
            code: unitCode(u.key),
            type: u.type,
          }),
        );
    }
    for (const u of draft.units) {
      if (u.parentKey && this.units.has(u.parentKey)) this.units.get(u.key)!.parent = this.units.get(u.parentKey)!;
    }
    for (const p of draft.persons) {
      const found = existingPersons.find((x) => x.fullName === p.fullName);
      const person =
        found ?? this.make(Person, { fullName: this.fit(p.fullName, 200, `person ${p.key}`, p.line ?? null) });
      this.persons.set(p.key, person);
      if (!found)
        for (const r of p.roles)
          this.make(ManagerRole, {
            person,
            role: r.role,
            unit: r.unitKey ? (this.units.get(r.unitKey) ?? null) : null,
          });
    }
    for (const u of draft.units)
      if (u.headKey && this.persons.has(u.headKey)) this.units.get(u.key)!.head = this.persons.get(u.headKey)!;

    this.writeProjects();
    this.writeTree();
    this.writeDashboards();
    this.writeAssignments();
    await this.writeFunds(thisCycle, cycle !== null);

    this.make(AuditEvent, {
      entityType: 'PlanVersion',
      entityId: this.plan.id,
      action: AuditAction.CREATE,
      source: ChangeSource.IMPORT,
      sourceDetail: `${this.options.fileName.slice(0, 200)} ${SHA_MARK}${this.options.sha256}`,
      actor: this.options.actor ?? 'import',
      at: new Date(),
      after: {
        file: this.options.fileName,
        sha256: this.options.sha256,
        format: draft.format,
        revision,
        counts: countsOf(draft),
        review: this.review.counts(),
      },
    });
    return this.plan;
  }

  private writeProjects(): void {
    this.draft.projects.forEach((p, pi) => {
      const project = this.make(Project, {
        plan: this.plan,
        name: p.name,
        responsible: this.person(p.responsibleKey),
        position: pi + 1,
      });
      this.projects.set(p.key, project);
      p.activities.forEach((a, ai) => {
        this.make(Activity, {
          project,
          name: a.name,
          responsible: this.person(a.responsibleKey),
          weight: this.weight(a.weight, `activity ${a.name}`, a.line),
          rule: a.rule ?? null,
          target: a.target ? parseValue(a.target, { role: 'target' }) : null,
          position: ai + 1,
        });
      });
    });
  }

  private writeTree(): void {
    const { plan } = this;
    this.draft.perspectives.forEach((p, pi) => {
      const perspective = this.make(Perspective, {
        plan,
        code: p.code ?? null,
        name: this.fit(p.name, 500, `perspective ${p.key}`, p.line),
        position: pi + 1,
      });
      p.strategicObjectives.forEach((s, si) => {
        const so = this.make(StrategicObjective, {
          plan,
          perspective,
          code: s.code,
          title: s.title,
          description: s.description ?? null,
          kpi: s.kpi ?? null,
          missionCode: s.missionCode ?? null,
          strategicArea: this.fitOrNull(s.strategicArea, 300, `strategic objective ${s.code}`, s.line),
          passMark: s.passMark ?? null,
          ownShare: s.ownShare ?? null,
          relevance: s.relevance ?? null,
          position: si + 1,
        });
        this.sos.set(s.key, so);
        s.indicators.forEach((i, ii) => this.writeIndicator(i, { strategicObjective: so }, ii + 1));
        s.operationalObjectives.forEach((o, oi) => {
          const oo = this.make(OperationalObjective, {
            plan,
            strategicObjective: so,
            code: o.code,
            title: o.title,
            description: o.description ?? null,
            kpi: o.kpi ?? null,
            weight: this.weight(o.weight, `operational objective ${o.code}`, o.line),
            contributes: o.contributes ?? true,
            expectedBenefit: o.expectedBenefit ?? null,
            plannedActions: o.plannedActions ?? null,
            effort: this.fitOrNull(o.effort, 300, `operational objective ${o.code}`, o.line),
            relevance: o.relevance ?? null,
            purposeClass: o.purposeClass ?? null,
            budgetLines: o.budgetLines ?? [],
            evidence: o.evidence ?? [],
            isNew: o.isNew ?? false,
            position: oi + 1,
          });
          for (const k of o.unitKeys ?? []) if (this.units.has(k)) oo.responsibleUnits.add(this.units.get(k)!);
          for (const k of o.personKeys ?? []) if (this.persons.has(k)) oo.responsiblePersons.add(this.persons.get(k)!);
          this.oos.set(o.key, oo);
          o.indicators.forEach((i, ii) => this.writeIndicator(i, { operationalObjective: oo }, ii + 1));
        });
      });
    });
    for (const i of indicatorsOf(this.draft)) {
      if (i.replacedByKey && this.indicators.has(i.replacedByKey))
        this.indicators.get(i.key)!.replacedBy = this.indicators.get(i.replacedByKey)!;
    }
  }

  private writeIndicator(
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
    const indicator = this.make(Indicator, {
      plan: this.plan,
      ...parent,
      code: i.code,
      title: i.title,
      actionLabel: i.actionLabel ?? null,
      formula: i.formula ?? null,
      numerator: i.numerator ?? null,
      denominator: i.denominator ?? null,
      unit,
      ...(valueKind ? { valueKind } : {}),
      ...(i.polarity ? { polarity: i.polarity.value, polarityEvidence: i.polarity.evidence } : {}),
      polarityConfirmed: false,
      rule: i.rule ?? null,
      weight: this.weight(i.weight, `indicator ${i.code}`, i.line),
      monitoring: i.monitoring ?? false,
      dataSource: this.fitOrNull(i.dataSource, 300, `indicator ${i.code}`, i.line),
      categories: i.categories ?? [],
      status: i.replacedByKey ? IndicatorStatus.REPLACED : IndicatorStatus.ACTIVE,
      replacedOn: i.replacedOn ?? null,
      replacementReason: i.replacementReason ?? null,
      project: i.projectKey ? (this.projects.get(i.projectKey) ?? null) : null,
      position,
    });
    for (const k of i.unitKeys ?? []) if (this.units.has(k)) indicator.responsibleUnits.add(this.units.get(k)!);
    this.indicators.set(i.key, indicator);
    const seen = new Set<string>();
    for (const t of i.targets) {
      const slot = `${t.year} ${t.checkpoint}`;
      if (seen.has(slot)) {
        this.review.warning(
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
      this.writeTarget(indicator, t, first ? unitFor(t, first, unit) : undefined);
    }
    for (const b of i.baselines) {
      this.make(Baseline, {
        indicator,
        year: b.year,
        note: b.note ?? `source line ${b.line}`,
        target:
          b.target != null ? parseValue(b.target, { year: b.year, role: 'target', unit: unit ?? undefined }) : null,
        actual:
          b.actual != null ? parseValue(b.actual, { year: b.year, role: 'actual', unit: unit ?? undefined }) : null,
      });
    }
  }

  private writeTarget(indicator: Indicator, t: TargetDraft, unit: string | undefined): void {
    const value = parseValue(t.raw, { year: t.year, unit, role: 'target' });
    const mode = t.mode ?? (value.placeholder === 'monitoring' ? TargetMode.MONITORING : TargetMode.SCORED);
    const target = this.make(Target, {
      plan: this.plan,
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
    this.make(TargetRevision, {
      target,
      seq: 0,
      kind: RevisionKind.ORIGINAL,
      approved: true,
      value,
      note: `source line ${t.line}`,
    });
    t.revisions.forEach((r, ri) => {
      this.make(TargetRevision, {
        target,
        seq: ri + 1,
        kind: RevisionKind.REVISED,
        approved: true,
        value: parseValue(r.raw, { year: t.year, unit, role: 'target' }),
        adoptingAct: r.adoptingAct ?? null,
        actDate: r.actDate ?? null,
        note: r.note ?? `source line ${r.line}`,
      });
    });
  }

  private writeDashboards(): void {
    this.draft.dashboards.forEach((d, di) => {
      const dashboard = this.make(Dashboard, {
        plan: this.plan,
        kind: d.kind,
        name: this.fit(d.name, 300, `dashboard ${d.key}`, d.line),
        ownerUnit: d.ownerUnitKey ? (this.units.get(d.ownerUnitKey) ?? null) : null,
        ownerPerson: this.person(d.ownerPersonKey),
        year: d.year ?? null,
        position: di + 1,
      });
      d.entries.forEach((e, ei) => {
        const indicator = this.indicators.get(e.indicatorKey);
        if (!indicator) {
          this.review.unreadable(
            e.line,
            `dashboard ${d.name}`,
            'ENTRY_WITHOUT_INDICATOR',
            `Entry refers to an indicator that was not read (${e.indicatorKey}): left out.`,
            `La riga rimanda a un indicatore non letto (${e.indicatorKey}): esclusa.`,
            e.indicatorKey,
          );
          return;
        }
        this.make(DashboardEntry, {
          plan: this.plan,
          dashboard,
          indicator,
          position: ei + 1,
          level: e.level,
          actionLabel: e.actionLabel ?? null,
          dataSource: this.fitOrNull(e.dataSource, 300, `dashboard entry ${indicator.code}`, e.line),
          strategicObjective: e.strategicObjectiveKey ? (this.sos.get(e.strategicObjectiveKey) ?? null) : null,
          operationalObjective: e.operationalObjectiveKey ? (this.oos.get(e.operationalObjectiveKey) ?? null) : null,
          weight: this.weight(e.weight ?? null, `dashboard entry ${indicator.code}`, e.line),
        });
      });
    });
  }

  /** Weights before and after a re-weighting become two rows with validity dates; equal weights one row. */
  private writeAssignments(): void {
    this.draft.assignments.forEach((a, ai) => {
      const manager = this.person(a.managerKey);
      const objective = {
        strategicObjective: a.strategicObjectiveKey ? (this.sos.get(a.strategicObjectiveKey) ?? null) : null,
        operationalObjective: a.operationalObjectiveKey ? (this.oos.get(a.operationalObjectiveKey) ?? null) : null,
      };
      if (!manager || (!objective.strategicObjective && !objective.operationalObjective)) {
        this.review.unreadable(
          a.line,
          'assignment',
          'ASSIGNMENT_UNRESOLVED',
          'Manager assignment refers to a manager or objective that was not read: left out.',
          "L'assegnazione rimanda a un dirigente o a un obiettivo non letto: esclusa.",
          `${a.managerKey} → ${a.strategicObjectiveKey ?? a.operationalObjectiveKey}`,
        );
        return;
      }
      const before = this.weight(a.weightBefore, 'assignment', a.line);
      const after = this.weight(a.weightAfter, 'assignment', a.line);
      const from = a.reweightedFrom ?? null;
      const base = { plan: this.plan, manager, ...objective, jointGroup: a.jointGroup ?? null, position: ai + 1 };
      if (before !== null && after !== null && before === after) {
        this.make(ManagerAssignment, { ...base, weight: before });
        return;
      }
      // Without a re-weighting date the printed weight holds all year; with one, each weight holds on its side of it.
      if (before !== null)
        this.make(ManagerAssignment, { ...base, weight: before, validTo: from ? dayBefore(from) : null });
      if (after !== null) this.make(ManagerAssignment, { ...base, weight: after, validFrom: from });
    });
  }

  private async writeFunds(cycle: PlanCycle, cycleExisted: boolean): Promise<void> {
    const existing = cycleExisted ? await this.tx.find(FundParameter, { cycle }) : [];
    for (const f of this.draft.funds) {
      if (existing.some((e) => e.fund === f.fund)) continue;
      const value = this.weight(f.unitValue, `fund ${f.fund}`, f.line);
      if (value === null) continue;
      this.make(FundParameter, { cycle, fund: f.fund, unitValue: value, note: f.note ?? `source line ${f.line}` });
    }
  }

  /**
   * Text longer than its column is cut at the column size, never refused and never silently: the review says so and
   * keeps the full text as evidence.
   */
  private fit(text: string, max: number, subject: string, line: number | null): string {
    if (text.length <= max) return text;
    this.review.warning(
      line,
      subject,
      'TEXT_TRUNCATED',
      `Text of ${text.length} characters cut to ${max} to fit its field; the full text is this entry's evidence.`,
      `Testo di ${text.length} caratteri tagliato a ${max} per il campo; il testo completo è nell'evidenza.`,
      text,
    );
    return `${text.slice(0, max - 1)}…`;
  }

  private fitOrNull(text: string | null | undefined, max: number, subject: string, line: number | null): string | null {
    return text == null ? null : this.fit(text, max, subject, line);
  }

  private person(key: string | null | undefined): Person | null {
    return key ? (this.persons.get(key) ?? null) : null;
  }

  /** A weight cell that is not a number is reported and left empty, never 0. */
  private weight(raw: string | null | undefined, subject: string, line: number): number | null {
    const w = weightOf(raw);
    if (w === undefined) {
      this.review.unreadable(
        line,
        subject,
        'WEIGHT_UNREADABLE',
        `Weight "${raw}" is not a number: left empty.`,
        `Il peso "${raw}" non è un numero: lasciato vuoto.`,
        String(raw),
      );
      return null;
    }
    return w;
  }
}

/** The unit of the first stated target applies to bare numbers of the same kind ("70" next to "65%"), not to another kind's year. */
function unitFor(t: TargetDraft, first: ParsedValue, unit: string | null): string | undefined {
  if (t.polarity) return undefined;
  return first.kind === 'date' ? undefined : (unit ?? undefined);
}

/** Unit keys are slugs of names, which may exceed the 50-character code column: long ones keep a stable hash suffix. */
function unitCode(key: string): string {
  if (key.length <= 50) return key;
  return `${key.slice(0, 41)}-${createHash('sha1').update(key).digest('hex').slice(0, 8)}`;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
