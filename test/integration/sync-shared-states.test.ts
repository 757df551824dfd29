/**
 * Two instances on one PostgreSQL keep the same plan's sheet state (server/sync/shared-states.ts): a values sync
 * committed on A is told over Redis with the rows it wrote, and B brings the state it kept to A's stamp from those
 * rows alone, scores included, so B's next sync of the plan decides from a kept state instead of reading the whole
 * plan under the plan's lock (bench B4 on two instances). Every answer and every read after them equals a server
 * that keeps nothing, on a copy of the database, for syncs alternating between the instances and sent together.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { counted } from '../helpers/cache-lookups';
import { expectSameReads, numericIndicators, partialSync } from '../helpers/seeded-copy';
import type { TestServer } from '../helpers/server';
import { ok, RowVersions, type SheetRow, type SheetRowIn } from '../helpers/sync';
import { describeOnTwoInstances } from '../helpers/two-instances';
import { readPlanStamp } from '../../server/services/plan-stamp';
import { type PlanState, SHEET_STATES } from '../../server/sync/plan-state';

describeOnTwoInstances(
  'sync-shared-states',
  'two instances share the sync’s kept plan state (postgresql + Redis)',
  (two) => {
    /** A and B on one database, told over Redis; computed (SCORE_CACHE_MB=0) on a copy reads the whole plan, the reference */
    const { kept: a, other: b, computed, plan } = two;
    let indicators: SheetRow[];
    const versions = new RowVersions();
    beforeAll(() => {
      indicators = numericIndicators(plan, 12);
    });

    const syncOn = (server: TestServer, rows: SheetRowIn[]) => partialSync(server, plan.planId, rows);

    /** tree and sheet rows with scores on `server` equal the reference's */
    const sameReads = (server: TestServer) => expectSameReads(server, computed, plan.planId);

    /** `server`'s kept sheet state at the plan's current stamp, as soon as it holds it (undefined after 10 s) */
    async function keptNow(server: TestServer): Promise<PlanState | undefined> {
      const stamp = await readPlanStamp(server.orm.em.fork(), plan.planId);
      return server.app.snapshots.whenKept<PlanState>(
        SHEET_STATES,
        plan.planId,
        2022,
        Checkpoint.YEAR_END,
        stamp.value,
        10_000,
      );
    }

    it('syncs alternating between A and B: each instance decides from the state the other told, same answers', async () => {
      // both instances keep the state of the current stamp
      await sameReads(a);
      await sameReads(b);
      const turns: Array<[TestServer, TestServer, SheetRow[]]> = [
        [a, b, [indicators[0]]],
        [b, a, [indicators[1], indicators[2]]],
        [a, b, [indicators[3]]],
        [b, a, [indicators[0]]], // the first row again, from the version A's batch left
      ];
      for (const [n, [writer, other, rows]] of turns.entries()) {
        const edits = rows.map((r, k) => versions.actual(r, String(20 + 7 * n + k)));
        const mine = await counted(writer, SHEET_STATES, () => syncOn(writer, edits));
        expect(ok(mine.value)).toEqual(ok(await syncOn(computed, edits)));
        // the writer found the state kept: its own (first turn) or the one the other instance told
        expect({ hit: mine.hit, miss: mine.miss }).toEqual({ hit: 1, miss: 0 });
        versions.note(ok(mine.value));
        // the other instance brings its state to the writer's stamp without reading the plan
        const before = other.statements.length;
        const told = await keptNow(other);
        expect(told).toBeDefined();
        const planReads = other.statements.slice(before).filter((sql) => /from "target" .*plan/i.test(sql));
        expect(planReads).toEqual([]);
        expect(told!.rowVersion(told!.nodes.get(rows[0].rowId!)!)).toBe(versions.get(rows[0].rowId!));
        // and its scores, rescored from those it kept at the stamp the patch starts from: the drop of the writer's
        // commit, told before the patch, freed them, and the other instance's panes scored the plan whole (session pgcpu)
        const stamp = await readPlanStamp(other.orm.em.fork(), plan.planId);
        expect(other.app.snapshots.peek(plan.planId, 2022, Checkpoint.YEAR_END, stamp.value)).toBeDefined();
      }
      await sameReads(a);
      await sameReads(b);
    });

    it('syncs sent together to both instances: all applied, and every read after them equals the reference', async () => {
      const edits = indicators.slice(4, 12).map((r, k) => versions.actual(r, String(40 + 11 * k)));
      const answers = await Promise.all(edits.map((row, k) => syncOn(k % 2 ? a : b, [row])));
      for (const answer of answers) expect(ok(answer).syncRows.applied).toBe(1);
      for (const row of edits) expect(ok(await syncOn(computed, [row])).syncRows.applied).toBe(1);
      for (const answer of answers) versions.note(ok(answer));
      await sameReads(a);
      await sameReads(b);
    });
  },
);
