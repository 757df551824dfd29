/**
 * Bergamo dashboard rows into a PlanDraft (both plan formats). Bergamo prints no indicator codes and repeats one
 * indicator in several dashboards (strategic, service, SG, Dirigente; docs/domain.md §8.5), so an indicator is identified
 * by its objective and its title; each listing becomes a dashboard entry, and values that disagree between listings
 * are reported, never resolved (the first listing, in document order, is kept).
 */
import { Checkpoint, DashboardKind, EntryLevel, ManagerRoleKind } from '@core/vocabulary/enums';
import { parseValue } from '@core/values';
import type {
  BaselineDraft,
  DashboardDraft,
  IndicatorDraft,
  PerspectiveDraft,
  PlanDraft,
  StrategicObjectiveDraft,
  VersionDraft,
} from '../draft';
import { emptyDraft, indicatorsOf } from '../draft';
import type { ReviewReport } from '../review';
import { unitKey } from '../responsible-units';
import type { BergamoCell, BergamoDashboard, BergamoRow } from './rows';
import { squeeze, titleKey } from './rows';

export interface BergamoPlan {
  format: string;
  cycle: { name: string; firstYear: number; years: number[] };
  version: VersionDraft;
  dashboards: BergamoDashboard[];
  rows: BergamoRow[];
}

export const BERGAMO_ORGANISATION = { code: 'cciaa-bergamo', name: 'Camera di Commercio di Bergamo' };

const PERSON_OF: Partial<Record<DashboardKind, { key: string; fullName: string; role: ManagerRoleKind }>> = {
  [DashboardKind.SECRETARY_GENERAL]: {
    key: 'segretario-generale',
    fullName: 'Segretario Generale',
    role: ManagerRoleKind.SECRETARY_GENERAL,
  },
  [DashboardKind.MANAGER]: { key: 'dirigente', fullName: 'Dirigente', role: ManagerRoleKind.DIRIGENTE },
};

export function buildBergamoDraft(plan: BergamoPlan, review: ReviewReport): PlanDraft {
  const draft = emptyDraft(plan.format, 'bergamo');
  draft.organisation = { ...BERGAMO_ORGANISATION };
  draft.cycle = plan.cycle;
  draft.version = plan.version;

  const perspectives = new Map<string, PerspectiveDraft>();
  const objectives = new Map<string, StrategicObjectiveDraft>();
  const indicators = new Map<string, IndicatorDraft>();
  const inStrategic = new Set<string>();
  const dashboards = new Map<string, DashboardDraft>();

  for (const d of plan.dashboards) {
    const dashboard: DashboardDraft = {
      key: d.key,
      kind: d.kind,
      name: d.name,
      year: d.targetYears[0] ?? null,
      line: d.line,
      entries: [],
    };
    if (d.unit) {
      // The key becomes the unit's code, a 50-character column.
      const key = unitKey(d.unit.name).slice(0, 50).replace(/-+$/, '');
      if (!draft.units.some((u) => u.key === key))
        draft.units.push({ key, name: d.unit.name, type: d.unit.type, line: d.line });
      dashboard.ownerUnitKey = key;
    }
    const person = PERSON_OF[d.kind];
    if (person) {
      if (!draft.persons.some((p) => p.key === person.key)) {
        draft.persons.push({
          key: person.key,
          fullName: person.fullName,
          roles: [{ role: person.role }],
          line: d.line,
        });
        review.inferred(
          d.line,
          `dashboard ${d.name}`,
          'PERSON_NAME_NOT_PRINTED',
          `The plan names the role, not the person: the owner of "${d.name}" is recorded as "${person.fullName}"; set the name before use.`,
          `Il piano indica il ruolo, non la persona: il titolare di "${d.name}" è registrato come "${person.fullName}"; indicare il nominativo.`,
          d.name,
        );
      }
      dashboard.ownerPersonKey = person.key;
    }
    dashboards.set(d.key, dashboard);
    draft.dashboards.push(dashboard);
  }

  // Strategic listings first: they carry three target years and decide which indicators are strategic.
  const ordered = [
    ...plan.rows.filter((r) => r.dashboard.kind === DashboardKind.STRATEGIC),
    ...plan.rows.filter((r) => r.dashboard.kind !== DashboardKind.STRATEGIC),
  ];
  for (const row of ordered) {
    const subject = `row at line ${row.line}`;
    if (!row.objective) {
      review.unreadable(
        row.line,
        subject,
        'OBJECTIVE_UNKNOWN',
        `No strategic objective could be attributed to "${row.indicator}" in ${row.dashboard.name}: the row is not imported.`,
        `Nessun obiettivo strategico attribuibile a "${row.indicator}" in ${row.dashboard.name}: la riga non è importata.`,
        row.indicator,
      );
      continue;
    }
    const objective = objectiveFor(row, perspectives, objectives, review);
    const key = `${row.objective.code}|${titleKey(row.indicator)}`;
    let indicator = indicators.get(key);
    if (!indicator) {
      const n = objective.indicators.length + 1;
      indicator = {
        key: `ind-${row.objective.code}-${n}`,
        code: `${row.objective.code}.${n}`,
        title: squeeze(row.indicator),
        actionLabel: row.action?.text ?? null,
        weight: null,
        dataSource: row.source,
        line: row.indicatorLine,
        targets: [],
        baselines: [],
      };
      indicators.set(key, indicator);
      objective.indicators.push(indicator);
    }
    if (row.dashboard.kind === DashboardKind.STRATEGIC) inStrategic.add(indicator.key);
    mergeValues(indicator, row, review);

    const dashboard = dashboards.get(row.dashboard.key) as DashboardDraft;
    // A service (or the special agency) lists the indicators it answers for: its unit is responsible for them, so a
    // unit editor of that service can enter their actual values (issue 17).
    if (dashboard.ownerUnitKey && !(indicator.unitKeys ?? []).includes(dashboard.ownerUnitKey))
      indicator.unitKeys = [...(indicator.unitKeys ?? []), dashboard.ownerUnitKey];
    if (dashboard.entries.some((e) => e.indicatorKey === indicator.key)) {
      review.warning(
        row.line,
        `indicator ${indicator.code}`,
        'DUPLICATE_ENTRY',
        `"${indicator.title}" is listed twice in ${row.dashboard.name}; the second listing is not imported.`,
        `"${indicator.title}" compare due volte in ${row.dashboard.name}; la seconda riga non è importata.`,
        `lines ${indicator.line} and ${row.line}`,
      );
      continue;
    }
    let level: EntryLevel = EntryLevel.STRATEGIC;
    if (row.dashboard.kind !== DashboardKind.STRATEGIC && !inStrategic.has(indicator.key)) {
      level = EntryLevel.OPERATIONAL;
      review.inferred(
        row.line,
        `indicator ${indicator.code}`,
        'LEVEL_INFERRED',
        `"${indicator.title}" in ${row.dashboard.name} is an operational row: it is not in the strategic dashboard (the shading that marks operational rows is lost in the text).`,
        `"${indicator.title}" in ${row.dashboard.name} è un indicatore operativo: non compare nel cruscotto strategico (lo sfondo che li distingue è perso nel testo).`,
        `not listed in the strategic dashboard`,
      );
    }
    dashboard.entries.push({
      indicatorKey: indicator.key,
      strategicObjectiveKey: objective.key,
      level,
      actionLabel: row.action?.text ?? null,
      dataSource: row.source && row.source !== indicator.dataSource ? row.source : null,
      line: row.line,
    });
  }
  draft.perspectives = [...perspectives.values()].sort((a, b) => Number(a.code) - Number(b.code));
  for (const p of draft.perspectives) p.strategicObjectives.sort((a, b) => compareCodes(a.code, b.code));
  reportUnitless(draft, review);
  return draft;
}

/**
 * Indicators no service dashboard lists (only the strategic, Segretario Generale or Dirigente dashboards): the
 * document names no service for them, so no unit is invented; one entry names them, for a person to assign.
 */
function reportUnitless(draft: PlanDraft, review: ReviewReport): void {
  const unitless = indicatorsOf(draft).filter((i) => !i.unitKeys?.length);
  if (unitless.length === 0) return;
  const named = unitless.map((i) => `${i.code} (line ${i.line})`);
  review.inferred(
    unitless[0].line,
    'responsible units',
    'UNIT_NOT_NAMED',
    `${unitless.length} indicator(s) are listed by no service dashboard, only by the strategic, Segretario Generale or Dirigente ones: no responsible unit, so only plan editors enter their values until one is assigned: ${named.join(', ')}.`,
    `${unitless.length} indicatori non compaiono in alcun cruscotto di servizio, solo in quello strategico, del Segretario Generale o del Dirigente: nessuna unità responsabile, quindi solo chi modifica il piano ne inserisce i valori finché non se ne assegna una: ${named.join(', ')}.`,
    'no "CRUSCOTTO" of a service lists them',
  );
}

function objectiveFor(
  row: BergamoRow,
  perspectives: Map<string, PerspectiveDraft>,
  objectives: Map<string, StrategicObjectiveDraft>,
  review: ReviewReport,
): StrategicObjectiveDraft {
  const ref = row.objective as NonNullable<BergamoRow['objective']>;
  const pCode = ref.code.split('.')[0];
  let perspective = perspectives.get(pCode);
  if (!perspective) {
    const name = row.perspective?.name ?? `Prospettiva ${pCode}`;
    if (!row.perspective) {
      review.unreadable(
        ref.line,
        `perspective ${pCode}`,
        'PERSPECTIVE_NAME_MISSING',
        `No perspective name found for objective ${ref.code}; named "${name}".`,
        `Nessun nome di prospettiva per l'obiettivo ${ref.code}; chiamata "${name}".`,
        ref.title,
      );
    }
    perspective = {
      key: `persp-${pCode}`,
      code: pCode,
      name,
      line: row.perspective?.line ?? ref.line,
      strategicObjectives: [],
    };
    perspectives.set(pCode, perspective);
  } else if (row.perspective && squeeze(row.perspective.name).toLowerCase() !== perspective.name.toLowerCase()) {
    review.warning(
      row.perspective.line,
      `perspective ${pCode}`,
      'PERSPECTIVE_NAME_CONFLICT',
      `Perspective ${pCode} is printed "${row.perspective.name}" here and "${perspective.name}" at line ${perspective.line}; the first is kept.`,
      `La prospettiva ${pCode} è stampata "${row.perspective.name}" qui e "${perspective.name}" alla riga ${perspective.line}; si tiene la prima.`,
      row.perspective.name,
    );
  }
  let objective = objectives.get(ref.code);
  if (!objective) {
    objective = {
      key: `os-${ref.code}`,
      code: ref.code,
      title: squeeze(ref.title),
      line: ref.line,
      indicators: [],
      operationalObjectives: [],
    };
    objectives.set(ref.code, objective);
    perspective.strategicObjectives.push(objective);
  } else if (titleKey(ref.title) !== titleKey(objective.title)) {
    // One label line heads many rows: report it once.
    const seen = reportedTitles.get(review) ?? new Set<string>();
    reportedTitles.set(review, seen);
    if (!seen.has(`${ref.code}|${ref.line}`)) {
      seen.add(`${ref.code}|${ref.line}`);
      review.warning(
        ref.line,
        `strategic objective ${ref.code}`,
        'OBJECTIVE_TITLE_CONFLICT',
        `Objective ${ref.code} is printed "${ref.title}" here but "${objective.title}" at line ${objective.line}: the code is kept, the title at line ${objective.line} is used.`,
        `L'obiettivo ${ref.code} è stampato "${ref.title}" qui ma "${objective.title}" alla riga ${objective.line}: si tiene il codice e il titolo della riga ${objective.line}.`,
        `${ref.code} ${ref.title}`,
      );
    }
  }
  return objective;
}

const reportedTitles = new WeakMap<ReviewReport, Set<string>>();

function mergeValues(indicator: IndicatorDraft, row: BergamoRow, review: ReviewReport): void {
  const subject = `indicator ${indicator.code}`;
  const d = row.dashboard;
  d.targetYears.forEach((year, i) => {
    const cell = row.targets[i];
    if (!cell) return;
    checkCell(cell, year, subject, review);
    const existing = indicator.targets.find((t) => t.year === year);
    if (!existing) {
      indicator.targets.push({
        year,
        checkpoint: Checkpoint.YEAR_END,
        raw: cell.raw,
        thresholds: [],
        revisions: [],
        line: cell.line,
      });
    } else if (squeeze(existing.raw) !== squeeze(cell.raw)) {
      conflict(review, subject, `target ${year}`, existing.raw, existing.line, cell);
    }
  });
  if (row.baselineTarget || row.baselineActual) {
    const year = d.baselineYear;
    for (const c of [row.baselineTarget, row.baselineActual]) if (c) checkCell(c, year, subject, review);
    const existing = indicator.baselines.find((b) => b.year === year);
    if (!existing) {
      const baseline: BaselineDraft = {
        year,
        target: row.baselineTarget?.raw ?? null,
        actual: row.baselineActual?.raw ?? null,
        line: row.line,
      };
      indicator.baselines.push(baseline);
    } else {
      if (row.baselineTarget && squeeze(existing.target ?? '') !== squeeze(row.baselineTarget.raw)) {
        conflict(review, subject, `expected result ${year}`, existing.target ?? '', existing.line, row.baselineTarget);
      }
      if (row.baselineActual && squeeze(existing.actual ?? '') !== squeeze(row.baselineActual.raw)) {
        conflict(review, subject, `actual ${year}`, existing.actual ?? '', existing.line, row.baselineActual);
      }
    }
  }
}

function conflict(
  review: ReviewReport,
  subject: string,
  what: string,
  kept: string,
  keptLine: number,
  other: BergamoCell,
): void {
  review.warning(
    other.line,
    subject,
    'VALUE_CONFLICT',
    `The ${what} is "${other.raw}" here but "${kept}" at line ${keptLine}: the first listing is kept; check which is right.`,
    `Il valore (${what}) è "${other.raw}" qui ma "${kept}" alla riga ${keptLine}: si tiene il primo; verificare quale è corretto.`,
    `"${kept}" (line ${keptLine}) vs "${other.raw}" (line ${other.line})`,
  );
}

/** Cells the value parser cannot take as printed are listed for review (they are still imported raw). */
function checkCell(cell: BergamoCell, year: number, subject: string, review: ReviewReport): void {
  const parsed = parseValue(cell.raw, { year, role: 'target' });
  if (parsed.kind === 'text') {
    review.warning(
      cell.line,
      subject,
      'TEXT_VALUE',
      `"${cell.raw}" is not a number, date, percentage or placeholder: kept as text, to be confirmed.`,
      `"${cell.raw}" non è un numero, una data, una percentuale o un segnaposto: tenuto come testo, da confermare.`,
      cell.raw,
    );
  }
  for (const w of parsed.warnings) {
    if (w === 'AMBIGUOUS_DECIMAL_POINT') {
      review.warning(
        cell.line,
        subject,
        w,
        `"${cell.raw}": a single point not followed by three digits is read as a decimal point; to be confirmed.`,
        `"${cell.raw}": un punto non seguito da tre cifre è letto come separatore decimale; da confermare.`,
        cell.raw,
      );
    }
  }
}

function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  return pa[0] - pb[0] || (pa[1] ?? 0) - (pb[1] ?? 0);
}
