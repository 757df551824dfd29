/**
 * A plan state kept under a stamp (server/sync/plan-state.ts, kept by sheetRows and by every sync after its commit)
 * is read by later requests as it was: the delta read keeps each row's text per state (server/graphql/delta-rows.ts)
 * and the realization read per score object, so a state changed in place afterwards would serve rows no commit
 * ever left. The syncs after it work on copies (adopt-rows.ts brings the rows a batch writes into the unit of work
 * by id), and this test proves nothing reaches the kept objects: the state, fingerprinted field by field (every
 * property the ORM knows, relations as ids, collections as their ids when loaded), is the same after syncs of
 * every kind of row (an actual, a target with a future one and a new unit, a title, a move to another objective, a
 * deletion, new rows under it) as it was before them.
 */
import type { MikroORM } from '@mikro-orm/core';
import { Checkpoint } from '@core/vocabulary/enums';
import { readPlanStamp } from '../../server/services/plan-stamp';
import { loadPlanState, PlanState, SHEET_STATES } from '../../server/sync/plan-state';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { edit, newAction, outcomes } from '../helpers/sync';
import type { TestServer } from '../helpers/server';

/** One row as plain data: every property the ORM maps (an accessor too), a related row by its id. */
function rowOf(orm: MikroORM, row: object): Record<string, unknown> {
  const meta = orm.getMetadata().find(row.constructor.name);
  const names = meta ? Object.keys(meta.properties) : Object.keys(row);
  const plain: Record<string, unknown> = { type: row.constructor.name };
  for (const name of names) plain[name] = valueOf((row as Record<string, unknown>)[name]);
  return plain;
}

function valueOf(value: unknown): unknown {
  // a nullable column a created row never set holds undefined where a row read back holds null: both are NULL
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(valueOf);
  const loaded = value as { isInitialized?: () => boolean; getItems?: () => Array<{ id: string }> };
  if (typeof loaded.isInitialized === 'function' && typeof loaded.getItems === 'function')
    return loaded.isInitialized() ? loaded.getItems().map((i) => i.id) : 'not loaded';
  if ('id' in value && typeof value.id === 'string') return `→ ${value.id}`;
  return JSON.parse(JSON.stringify(value));
}

/**
 * The whole state as plain data: its snapshot's rows, in order, and its indexes (a copy: a later change of the
 * state cannot reach it; a failure's diff names the row and field that moved).
 */
function fingerprint(orm: MikroORM, state: PlanState, rowOrder: 'as kept' | 'by id' = 'as kept'): unknown {
  const lists = Object.entries(state.snapshot)
    .filter(([, v]) => Array.isArray(v))
    .map(([k, rows]) => {
      const plain = (rows as object[]).map((r) => rowOf(orm, r));
      if (rowOrder === 'by id') plain.sort((a, b) => String(a.id).localeCompare(String(b.id)));
      return [k, plain];
    });
  // the indexes are only looked up by key: their entries' order is not part of the state, a group's order is
  const byKey = <T>(entries: Array<[string, T]>) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // with their versions: an index that kept a row's old twin names the same id
  const ids = (m: ReadonlyMap<string, Array<{ id: string; version: number }>>) =>
    byKey([...m].map(([k, v]) => [k, v.map((x) => [x.id, x.version])]));
  return structuredClone({
    plan: rowOf(orm, state.snapshot.plan),
    lists,
    unitsOf: [...state.snapshot.unitsOf],
    nodes: [...state.nodes.keys()],
    targetsOf: ids(state.targetsOf),
    revisionsOf: ids(state.revisionsOf),
    measurementOf: byKey([...state.measurementOf].map(([k, m]) => [k, [m.id, m.version]])),
    units: [...state.unitsById.keys()],
  });
}

async function keptState(server: TestServer, planId: string): Promise<PlanState | undefined> {
  const stamp = await readPlanStamp(server.orm.em.fork(), planId);
  return server.app.snapshots.peekKept<PlanState>(SHEET_STATES, planId, 2022, Checkpoint.YEAR_END, stamp.value);
}

describeOnSondrio('a kept plan state is never changed by the syncs after it (%s)', (sondrio) => {
  it('is the same, field by field, after syncs of every kind of row', async () => {
    const { server, plan, sheet } = sondrio;
    await sheet.read();
    const state = await keptState(server, plan.planId);
    if (!state) throw new Error('sheetRows kept no state for the current stamp');
    const before = fingerprint(server.orm, state);
    const moved = plan.indicator('1.4.1');
    const target = { target: '16%', futureTargets: [{ year: 2023, value: '17%' }] };
    const objective = { level: 'obiettivo operativo', code: '1.9', title: 'Nuovo obiettivo', weight: '10' };

    const first = await sheet.sync([
      edit(plan.indicator('1.1.1'), { actual: '3,10%', note: 'dato di Ragioneria' }),
      edit(plan.indicator('1.3.1'), { ...target, responsibleUnit: 'U.O. "Mai vista"' }),
      edit(plan.operational('1.5'), { title: 'Certificazione d’impresa', weight: '30' }),
      edit(moved, { parentRef: plan.operational('1.5').rowId }),
      edit(plan.indicator('1.1.2'), { delete: true }),
      { ...newAction('N', plan.operational('1.4').rowId!, '1.4.9', '3'), thresholds: [{ value: '2', score: 0.5 }] },
      { ...objective, clientRef: 'O', parentRef: plan.strategic('1').rowId },
    ]);
    expect(outcomes(first)).toEqual([
      ...Array.from({ length: 4 }, () => ['UPDATED', []]),
      ['DELETED', []],
      ['CREATED', []],
      ['CREATED', []],
    ]);
    // a second sync from the state the first kept: the row moved once more, its actual typed
    const again = first.rows.find((r) => r.rowId === moved.rowId)!;
    const second = await sheet.sync([
      edit(
        { rowId: moved.rowId, rowVersion: again.rowVersion! },
        { parentRef: plan.operational('1.4').rowId, actual: '7' },
      ),
    ]);
    expect(outcomes(second)).toEqual([['UPDATED', []]]);

    expect(fingerprint(server.orm, state)).toEqual(before);
    // the fingerprint sees what the syncs did: the state kept after them differs from the first
    const after = await keptState(server, plan.planId);
    if (!after) throw new Error('the last sync kept no state for its stamp');
    expect(after).not.toBe(state);
    expect(fingerprint(server.orm, after)).not.toEqual(before);
  });

  /**
   * The other side of the same rule: a sync keeps the state it left by patching the one it read (its indexes
   * copied, their replaced rows swapped in place, only the touched owners regrouped: plan-state.ts), and what it
   * keeps must be what a whole read of the plan gives at that stamp, indexes and all, or the next sync decides from
   * rows and versions no commit left.
   */
  it('after syncs of values, of new rows and of moves, is what a whole read of the plan gives', async () => {
    const { server, plan, sheet } = sondrio;
    const { rows } = await sheet.read();
    const versionOf = (code: string) => rows.find((r) => r.code === code)!.rowVersion!;
    const at = (code: string) => ({ rowId: plan.indicator(code).rowId, rowVersion: versionOf(code) });
    // the plan as a whole read gives it at this moment (no writer runs beside the test)
    const whole = () => loadPlanState(server.orm.em.fork(), plan.planId, 2022, Checkpoint.YEAR_END, { readOnly: true });
    const kept = async () => {
      const state = await keptState(server, plan.planId);
      if (!state) throw new Error('the last sync kept no state for its stamp');
      // its indexes are those a whole build over its own rows gives
      const locks = state.locked ? [state.locked] : [];
      const rebuilt = new PlanState(state.snapshot, 2022, Checkpoint.YEAR_END, [...state.unitsById.values()], locks);
      expect(fingerprint(server.orm, state)).toEqual(fingerprint(server.orm, rebuilt));
      return state;
    };

    // values only: an actual typed over one, a first actual, a target changed (rows replaced in place)
    const values = await sheet.sync([
      edit(at('1.1.1'), { actual: '4,20%' }),
      edit(at('1.3.1'), { target: '18%' }),
      edit(at('1.4.1'), { actual: '9' }),
    ]);
    expect(outcomes(values)).toEqual(Array.from({ length: 3 }, () => ['UPDATED', []]));
    const afterValues = await kept();
    expect(fingerprint(server.orm, afterValues, 'by id')).toEqual(fingerprint(server.orm, await whole(), 'by id'));

    // a new row and a move (lists that grew or changed order: the indexes built again)
    const moved = values.rows.find((r) => r.rowId === plan.indicator('1.4.1').rowId)!;
    const structure = await sheet.sync([
      edit({ rowId: moved.rowId!, rowVersion: moved.rowVersion! }, { parentRef: plan.operational('1.5').rowId }),
      newAction('M', plan.operational('1.4').rowId!, '1.4.8', '5'),
    ]);
    expect(outcomes(structure)).toEqual([
      ['UPDATED', []],
      ['CREATED', []],
    ]);
    const afterStructure = await kept();
    expect(fingerprint(server.orm, afterStructure, 'by id')).toEqual(fingerprint(server.orm, await whole(), 'by id'));
  });
});
