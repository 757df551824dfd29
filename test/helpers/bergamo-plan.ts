/**
 * The Bergamo 2021 plan (seed 002) on a test server: its objectives repeated across the cruscotti of the Segretario
 * Generale, each Dirigente and each service, the shape that used to give DUPLICATE_CODE in a sheet (issue 14,
 * item 5). Imported the way the importer writes it, so its cruscotti and entries are the seed's.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { layoutColumn, type LayoutColumnKey } from '@core/sheet/layout';
import { readSource } from '../../server/import/registry';
import { writePlan } from '../../server/import/write-plan';
import { seedPath } from './seeds';
import type { TestServer } from './server';
import { ok } from './sync';

export const BERGAMO_2021 = '002_cb68e27bcf5376bc.txt';

/** imports the Bergamo 2021 plan into the server's database; its plan version id */
export async function importBergamo2021(server: TestServer): Promise<string> {
  const text = readFileSync(seedPath(BERGAMO_2021), 'utf8');
  const { draft, review } = readSource(text, BERGAMO_2021);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const written = await writePlan(server.orm.em.fork(), draft, review, { fileName: BERGAMO_2021, sha256 });
  return written.planId as string;
}

/** a new, empty plan version of the same organisation (2021-2023), to sync a typed sheet into */
export async function emptyPlanBeside(server: TestServer, planId: string, label = 'Copia dal foglio'): Promise<string> {
  const { planVersion } = ok(
    await server.gql(`query($p: ID!) { planVersion(id: $p) { cycle { organisation { id } } } }`, { p: planId }),
  );
  const cycle = ok(
    await server.gql(
      `mutation($o: ID!) { createPlanCycle(input: { organisationId: $o, name: "Copia 2021-2023", firstYear: 2021, years: [2021, 2022, 2023] }) { id } }`,
      { o: planVersion.cycle.organisation.id },
    ),
  ).createPlanCycle.id;
  return ok(
    await server.gql(
      `mutation($c: ID!, $l: String!) { createPlanVersion(input: { cycleId: $c, revision: 0, label: $l }) { id } }`,
      { c: cycle, l: label },
    ),
  ).createPlanVersion.id;
}

/** a row of sheetRows(dashboards: true) with what a typed sheet shows of it */
type PlacedRow = Record<'rowId' | 'level' | 'code' | 'title', string> &
  Record<
    'parentId' | 'dashboard' | 'dashboardKind' | 'dashboardOwner' | 'entryLevel' | 'actionLabel' | 'dataSource',
    string | null
  > & {
    weight: number | null;
    position: number | null;
    target: { raw: string } | null;
  };
const LEVEL_WORD: Record<string, string> = {
  PERSPECTIVE: 'prospettiva',
  STRATEGIC: 'obiettivo strategico',
  OPERATIONAL: 'obiettivo operativo',
  INDICATOR: 'azione',
};
const KIND_WORD: Record<string, string> = {
  STRATEGIC: 'strategico',
  SERVICE: 'servizio',
  SECRETARY_GENERAL: 'segretario generale',
  MANAGER: 'dirigente',
};
/** the add-in's own headers (core/sheet/layout.ts), as the bound table would name these columns */
const headers = (keys: LayoutColumnKey[]) => keys.map((k) => layoutColumn(k).it);
const PLAN_HEADERS = headers(['level', 'code', 'title', 'parentCode', 'weight', 'target', 'dataSource']);
/** the cruscotto columns' headers, as Carica and a bind write them */
export const CRUSCOTTO_HEADERS = headers([
  'dashboard',
  'dashboardKind',
  'dashboardOwner',
  'position',
  'entryLevel',
  'actionLabel',
]);

/**
 * The plan as a user types it from the document (Italian headers, codes, parent codes, weights, 2021 targets, data
 * sources): its plan rows, then the lines of the cruscotti asked for (`dashboards`: how many of them, in the server's
 * order; 0 = plan rows only, without the cruscotto columns). Read from the server, so the sheet says what the plan
 * holds.
 */
export async function typedBergamoSheet(
  server: TestServer,
  planId: string,
  dashboards = Infinity,
): Promise<string[][]> {
  const rows = ok(
    await server.gql(
      `query($p: ID!) { sheetRows(planId: $p, year: 2021, dashboards: true) { rows { rowId level code title parentId weight target { raw } dataSource dashboard dashboardKind dashboardOwner position entryLevel actionLabel } } }`,
      { p: planId },
    ),
  ).sheetRows.rows as PlacedRow[];
  const codeOf = new Map(rows.map((r) => [r.rowId, r.code]));
  const names = [...new Set(rows.map((r) => r.dashboard).filter((d): d is string => !!d))].slice(0, dashboards);
  const plan = (r: PlacedRow) => [
    LEVEL_WORD[r.level],
    r.code,
    r.title,
    r.parentId ? (codeOf.get(r.parentId) ?? '') : '',
    r.weight === null ? '' : String(r.weight).replace('.', ','),
    r.target?.raw ?? '',
    // "Fonte del dato", as the document prints it beside each indicator, on its cruscotto lines too
    r.level === 'INDICATOR' ? (r.dataSource ?? '') : '',
  ];
  const place = (r: PlacedRow) =>
    r.dashboard
      ? [
          r.dashboard,
          r.dashboardKind ? KIND_WORD[r.dashboardKind] : '',
          r.dashboardOwner ?? '',
          r.position === null ? '' : String(r.position),
          r.entryLevel === 'OPERATIONAL' ? 'operativo' : r.entryLevel === 'STRATEGIC' ? 'strategico' : '',
          r.actionLabel ?? '',
        ]
      : ['', '', '', '', '', ''];
  const shown = rows.filter((r) => !r.dashboard || names.includes(r.dashboard));
  if (names.length === 0) return [PLAN_HEADERS, ...shown.map(plan)];
  return [[...PLAN_HEADERS, ...CRUSCOTTO_HEADERS], ...shown.map((r) => [...plan(r), ...place(r)])];
}
