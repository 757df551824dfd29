/**
 * The rows of one imported plan version, created in memory for writePlan (write-plan.ts) to flush in one go: the
 * organisation, scoring profile, cycle and version, units and people, and the import's audit event; the objective
 * tree (write-plan-tree.ts) and the dashboards, assignments and funds (write-plan-dashboards.ts) are written through
 * the helpers here, which report in the review every text cut to its column and every weight that is not a number.
 */
import { createHash } from 'node:crypto';
import type { EntityClass, EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { AuditAction, ChangeSource, PlanStatus, ProfileStatus } from '@core/vocabulary/enums';
import { PROFILE_PRESETS } from '@core/scoring/profiles';
import {
  Indicator,
  ManagerRole,
  OperationalObjective,
  OrgUnit,
  Organisation,
  Person,
  PlanCycle,
  PlanVersion,
  Project,
  ScoringProfile,
  StrategicObjective,
} from '../entities';
import { AuditEvent } from '../entities/audit-event';
import type { PlanDraft } from './draft';
import { indicatorsOf } from './draft';
import type { ReviewReport } from './review';
import { weightOf } from './value-cells';
import type { WritePlanOptions } from './write-plan';
import { writeAssignments, writeDashboards, writeFunds } from './write-plan-dashboards';
import { writeProjects, writeTree } from './write-plan-tree';

/** Marks the file's hash in the audit event's source detail: the key of "already imported". */
export const SHA_MARK = 'sha256:';

export function countsOf(d: PlanDraft): Record<string, number> {
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

export class PlanWriter {
  readonly units = new Map<string, OrgUnit>();
  readonly persons = new Map<string, Person>();
  readonly sos = new Map<string, StrategicObjective>();
  readonly oos = new Map<string, OperationalObjective>();
  readonly indicators = new Map<string, Indicator>();
  readonly projects = new Map<string, Project>();
  org!: Organisation;
  plan!: PlanVersion;

  constructor(
    readonly tx: EntityManager,
    readonly draft: PlanDraft,
    readonly review: ReviewReport,
    readonly options: WritePlanOptions,
  ) {}

  /** A row of the organisation being written. Each call's data is checked against its entity, all but `org`. */
  make<T extends { org?: Organisation | null }>(entity: EntityClass<T>, data: Omit<RequiredEntityData<T>, 'org'>): T {
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
      ? `${draft.version.label} (importato il ${new Date().toLocaleDateString('it-IT', { timeZone: 'Europe/Rome' })}, revisione ${revision})`
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

    writeProjects(this);
    writeTree(this);
    writeDashboards(this);
    writeAssignments(this);
    await writeFunds(this, thisCycle, cycle !== null);

    this.make(AuditEvent, {
      // the plan's own event: its change counter is bumped with it (server/services/plan-change-counter.ts)
      planId: this.plan.id,
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

  /**
   * Text longer than its column is cut at the column size, never refused and never silently: the review says so and
   * keeps the full text as evidence.
   */
  fit(text: string, max: number, subject: string, line: number | null): string {
    if (text.length <= max) return text;
    this.review.warning(
      line,
      subject,
      'TEXT_CUT_TO_FIELD',
      `Text of ${text.length} characters cut to ${max} to fit its field; the full text is this entry's evidence.`,
      `Testo di ${text.length} caratteri tagliato a ${max} per il campo; il testo completo è nell'evidenza.`,
      text,
    );
    return `${text.slice(0, max - 1)}…`;
  }

  fitOrNull(text: string | null | undefined, max: number, subject: string, line: number | null): string | null {
    return text == null ? null : this.fit(text, max, subject, line);
  }

  person(key: string | null | undefined): Person | null {
    return key ? (this.persons.get(key) ?? null) : null;
  }

  /** A weight cell that is not a number is reported and left empty, never 0. */
  weight(raw: string | null | undefined, subject: string, line: number): number | null {
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

/** Unit keys are slugs of names, which may exceed the 50-character code column: long ones keep a stable hash suffix. */
function unitCode(key: string): string {
  if (key.length <= 50) return key;
  return `${key.slice(0, 41)}-${createHash('sha1').update(key).digest('hex').slice(0, 8)}`;
}
