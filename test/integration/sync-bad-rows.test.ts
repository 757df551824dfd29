import { AuditEvent, Measurement, Target, TargetRevision } from '../../server/entities';
import { Builder, type Category, type Entry } from './bad-rows/builder';
import { PARENTS_AND_CODES, ROWS_AND_DELETES } from './bad-rows/plan-structure';
import { MISPLACED_CELLS } from './bad-rows/misplaced-cells';
import { TEXT_CELLS } from './bad-rows/text-cells';
import { INJECTION_CELLS } from './bad-rows/injection-cells';
import { THRESHOLDS } from './bad-rows/thresholds';
import { VALUES } from './bad-rows/value-cells';
import { WORD_CELLS } from './bad-rows/word-cells';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { changedRows, edit, ok, readRows, type SheetRowIn, sync, tableCounts } from '../helpers/sync';
import { createOtherPlan, type OtherPlan } from '../helpers/other-plan';
import { thresholdsAt80And60, laterTargets } from '../helpers/indicator-cells';

/**
 * A corpus of bad sheet rows, generated from a table of rules × variants. Each category (one rule) is sent as one
 * PARTIAL batch together with two good rows (an actual for Sondrio 1.1.2 and a new valid indicator): every bad row
 * must come back REJECTED with exactly its column and code, the good rows must be written, and nothing else in the
 * plan may change.
 */

// in the corpus's first order: a later category may pick as "any row" one that an earlier category's good rows created
const CATEGORIES: Category[] = [
  ...VALUES,
  ...PARENTS_AND_CODES,
  ...THRESHOLDS,
  ...TEXT_CELLS,
  ...INJECTION_CELLS,
  ...WORD_CELLS,
  ...MISPLACED_CELLS,
  ...ROWS_AND_DELETES,
];

const badCount = (entries: Entry[]) => entries.filter((e) => e.expect.status === 'REJECTED').length;

describeOnSondrio('a corpus of bad sheet rows (%s)', (sondrio) => {
  let unitId: string;
  let other: OtherPlan;

  beforeAll(async () => {
    unitId = ok(await sondrio.server.gql('{ orgUnits(filter: { code: "uo-ragioneria" }) { id } }')).orgUnits[0].id;
    other = await createOtherPlan(sondrio.server);
  });

  it('has at least 200 bad rows, every category at least 2, in the categories of the rules', async () => {
    const {
      server,
      plan: { planId, orgId },
    } = sondrio;
    const { rows } = await readRows(server, planId);
    const sizes = CATEGORIES.map(
      (c) => [c.name, badCount(c.build(new Builder(rows, planId, orgId, unitId, other)))] as const,
    );
    expect(sizes.filter(([, n]) => n < 2)).toEqual([]);
    expect(sizes.reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThanOrEqual(200);
    expect(new Set(CATEGORIES.map((c) => c.name)).size).toBe(CATEGORIES.length);
  });

  it.each(CATEGORIES.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const {
      server,
      plan: { planId, orgId },
    } = sondrio;
    const category = CATEGORIES[i];
    const before = await readRows(server, planId);
    const b = new Builder(before.rows, planId, orgId, unitId, other);

    // the good rows: an actual for 1.1.2 (a new value in every batch) and a new, valid indicator under 1.3
    const measured = b.row('indicator', '1.1.2');
    const actual = String(100 + i);
    const parent = b.ref('operational', '1.3');
    const code = `G-${i}`;
    const goodUpdate: SheetRowIn = edit(measured, { actual });
    const goodCreate: SheetRowIn = {
      clientRef: `good-${i}`,
      level: 'azione',
      code,
      title: `Azione valida ${i}`,
      parentRef: parent,
      weight: '10%',
      kpi: 'N. pratiche',
      target: '50',
      thresholds: thresholdsAt80And60('40', '30'),
      futureTargets: laterTargets('55'),
      actual: '45',
      responsibleUnit: 'U.O. "Digitalizzazione"',
    };
    const entries = category.build(b);
    const counts = await tableCounts(server);
    const startedAt = new Date();
    // events of an earlier batch stamped in this same millisecond are not this batch's: told apart by id, not time
    const earlier = new Set(
      (await server.orm.em.fork().find(AuditEvent, { at: { $gte: startedAt } }, { fields: ['id'] })).map((e) => e.id),
    );
    const result = await sync(server, { planId, rows: [goodUpdate, ...entries.map((e) => e.row), goodCreate] });

    // 1. every bad row is refused by its own column and code, with an English and an Italian message
    expect(result.rows.map((r) => r.index)).toEqual([...Array(entries.length + 2).keys()]);
    const mismatches: string[] = [];
    entries.forEach((entry, k) => {
      const got = result.rows[k + 1];
      const errors = got.errors.map((e) => `${e.column}:${e.code}`);
      if (entry.expect.status !== 'REJECTED') {
        if (got.status !== entry.expect.status || errors.length > 0)
          mismatches.push(`${entry.variant}: expected ${entry.expect.status}, got ${got.status} ${errors.join(', ')}`);
        return;
      }
      const wanted = `${entry.expect.column}:${entry.expect.code}`;
      if (got.status !== 'REJECTED' || errors.length !== 1 || errors[0] !== wanted) {
        mismatches.push(`${entry.variant}: expected REJECTED ${wanted}, got ${got.status} [${errors.join(', ')}]`);
        return;
      }
      const [error] = got.errors;
      if (
        !error.message.trim() ||
        !error.messageIt.trim() ||
        error.message === error.messageIt ||
        /\{\w+\}/.test(error.message + error.messageIt)
      ) {
        mismatches.push(`${entry.variant}: messages ${JSON.stringify([error.message, error.messageIt])}`);
      }
      if (!entry.row.rowId && got.rowId !== null)
        mismatches.push(`${entry.variant}: a refused new row got the id ${got.rowId}`);
      if (got.realization !== null && !entry.row.rowId)
        mismatches.push(`${entry.variant}: a refused new row has a realization`);
    });
    expect(mismatches).toEqual([]);

    // 2. the good rows are written and really in the database
    const created = result.rows[entries.length + 1];
    expect(result.rows[0]).toMatchObject({ status: 'UPDATED', rowId: measured.rowId, errors: [] });
    expect(created).toMatchObject({
      status: 'CREATED',
      clientRef: `good-${i}`,
      errors: [],
      rowId: expect.any(String),
      rowVersion: expect.any(Number),
    });
    const companions = entries
      .map((e, k) => ({ e, r: result.rows[k + 1] }))
      .filter(({ e }) => e.expect.status === 'CREATED');
    expect(result.applied).toBe(2 + companions.length);
    const after = await readRows(server, planId);
    const byId = new Map(after.rows.map((r) => [r.rowId, r]));
    expect(byId.get(measured.rowId)).toMatchObject({
      actual: { raw: actual, number: Number(actual) },
      rowVersion: result.rows[0].rowVersion,
    });
    expect(byId.get(created.rowId!)).toMatchObject({
      level: 'INDICATOR',
      code,
      title: `Azione valida ${i}`,
      parentId: parent,
      weight: 10,
      kpi: 'N. pratiche',
      rowVersion: created.rowVersion,
      target: { raw: '50', number: 50 },
      thresholds: thresholdsAt80And60({ raw: '40' }, { raw: '30' }),
      futureTargets: laterTargets({ raw: '55' }),
      actual: { raw: '45', number: 45 },
      responsibleUnits: ['U.O. "Digitalizzazione"'],
    });
    for (const { r } of companions) expect(byId.get(r.rowId!)).toBeDefined();

    // 3. nothing else changed: the other rows, the row counts, the audit trail
    const touched = [measured.rowId, created.rowId!, ...companions.map(({ r }) => r.rowId!)];
    expect(changedRows(before.rows, after.rows, touched)).toEqual([]);
    const level = (row: SheetRowIn) =>
      row.level === 'operational'
        ? 'operationalObjectives'
        : row.level === 'strategic'
          ? 'strategicObjectives'
          : 'indicators';
    const plus = (key: string) => companions.filter(({ e }) => level(e.row) === key).length;
    const now = await tableCounts(server);
    expect({ ...now, events: 0 }).toEqual({
      ...counts,
      events: 0,
      indicators: counts.indicators + 1 + plus('indicators'),
      operationalObjectives: counts.operationalObjectives + plus('operationalObjectives'),
      strategicObjectives: counts.strategicObjectives + plus('strategicObjectives'),
      targets: counts.targets + 2,
      revisions: counts.revisions + 2,
      measurements: counts.measurements + 1 + (measured.actual === null ? 1 : 0),
      unitLinks: counts.unitLinks + 1,
    });
    const em = server.orm.em.fork();
    const indicatorIds = [measured.rowId, created.rowId!];
    const targets = await em.find(Target, { indicator: { $in: indicatorIds } });
    const revisions = await em.find(TargetRevision, { target: { $in: targets.map((t) => t.id) } });
    const measurements = await em.find(Measurement, { indicator: { $in: indicatorIds } });
    const allowed = new Set([
      ...touched,
      ...targets.map((t) => t.id),
      ...revisions.map((r) => r.id),
      ...measurements.map((m) => m.id),
    ]);
    const events = (await em.find(AuditEvent, { at: { $gte: startedAt } })).filter((e) => !earlier.has(e.id));
    expect(events.length).toBeGreaterThan(0);
    expect(
      events.filter((e) => !allowed.has(e.entityId)).map((e) => `${e.action} ${e.entityType} ${e.entityId}`),
    ).toEqual([]);
  });
});
