import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { CheckpointLock } from '../entities';
import { scoreOfRow } from '../services/score-of-row';
import { AuditEvent } from '../entities/audit-event';
import { InputError } from '../errors';
import { lockCheckpoint, unlockCheckpoint } from '../sync/locks';
import { readRowHistory } from '../sync/row-history';
import { cursorOf } from '../services/commit-order';
import { allRows, nodesChangedSince, sheetRowOf, type SheetRowOut } from '../sync/sheet-rows';
import { dashboardRows } from '../sync/dashboard-sheet-rows';
import { deltaInScope, resolveScope, rowsInScope } from '../sync/sheet-scope';
import { SheetScopeInput } from './types/sheet-scope';
import { realizationView } from '../services/realization-view';
import { SYNC_TURNS } from '../sync/plan-queue';
import { syncClock } from '../sync/sync-clock';
import { countSyncRows } from '../ops/metrics';
import type { Context } from './context';
import { PlanPeriodArgs } from './period-args';
import { deltaFrom, readSheet, sheetScores } from './sheet-read';
import { OptionalText } from './inputs/fields';
import { LIMITS } from './inputs/validation';
import { SyncSourceKind } from '@core/vocabulary/sync';
import { RowChange, SheetRowsPage, SyncBatchInput, SyncResult } from './types/sync';

/** Where a batch says it comes from, as the audit trail records it. */
const CHANGE_SOURCE: Record<SyncSourceKind, ChangeSource> = {
  [SyncSourceKind.ADDIN]: ChangeSource.ADDIN,
  [SyncSourceKind.GRAPHQL]: ChangeSource.GRAPHQL,
  [SyncSourceKind.IMPORT]: ChangeSource.IMPORT,
};

/** The sheet's side of the API: batches of rows in, rows out (all or changed since), history of a row. */
/** One checkpoint of a plan: what a lock is on */
@ArgsType()
class CheckpointArgs {
  @Field(() => ID) planId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Checkpoint) checkpoint!: Checkpoint;
}

@ArgsType()
class LockCheckpointArgs extends CheckpointArgs {
  @OptionalText(LIMITS.text) reason!: string | null;
}

/** A sheet row in one period of its plan, whose history rowHistory reads (`RowOfPeriod`, sync/row-history.ts) */
@ArgsType()
class RowOfPeriodArgs extends PlanPeriodArgs {
  @Field(() => ID) rowId!: string;
}

@Resolver()
export class SyncResolver {
  @Mutation(() => SyncResult, {
    description:
      "Applica un lotto di righe del foglio in una transazione e risponde con l'esito di ogni riga e i punteggi ricalcolati / Applies a batch of sheet rows in one transaction and returns per-row results and the recomputed scores",
  })
  async syncRows(
    @Arg('input', () => SyncBatchInput, { validate: false }) input: SyncBatchInput,
    @Ctx() ctx: Context,
  ): Promise<SyncResult> {
    // Cells are checked per row by the service (a bad cell rejects its row, not the batch); only the envelope here.
    const source = input.source;
    const limits = [
      ['batchKey', input.batchKey, 200],
      ['source.workbook', source?.workbook, 140],
      ['source.sheet', source?.sheet, 140],
      ['source.author', source?.author, 200],
    ] as const;
    for (const [field, value, max] of limits) {
      if (value && value.length > max) throw InputError.of(field, 'TOO_LONG', `must be at most ${max} characters`);
    }
    // the audit trail's "import" means the server's own workbook or document import: a client cannot claim it
    if (source?.kind === SyncSourceKind.IMPORT) {
      throw InputError.of(
        'source.kind',
        'RESERVED',
        'IMPORT is recorded by the server for its own imports (importPlan, /import/workbook): send ADDIN or GRAPHQL',
      );
    }
    const service = {
      ...ctx,
      // the audit trail names the authenticated user; only a system administrator (a service account acting for
      // others, or the embedded single-user start) may record a change in the name of the sheet's author
      actor: ctx.access.systemAdmin ? (source?.author ?? ctx.actor) : ctx.actor,
      source: source ? CHANGE_SOURCE[source.kind] : ChangeSource.GRAPHQL,
      sourceDetail:
        source?.workbook || source?.sheet ? [source.workbook, source.sheet].filter(Boolean).join(' / ') : null,
    };
    // the plan's syncs wait for their turn here, not holding a connection the plan's readers need (plan-queue.ts)
    const clock = syncClock();
    const result = await SYNC_TURNS.run(input.planId, {
      ctx: service,
      input: {
        planId: input.planId,
        year: input.year,
        checkpoint: input.checkpoint,
        mode: input.mode,
        batchKey: input.batchKey,
        rows: input.rows.map((r) => ({ ...r })),
        scope: input.scope ? { unitId: input.scope.unitId, dashboardId: input.scope.dashboardId } : null,
      },
      hooks: { clock },
    });
    clock?.write();
    countSyncRows(result.rows.map((row) => row.status));
    return result;
  }

  @Query(() => SheetRowsPage, {
    description:
      'Il piano in righe del foglio: tutte, o solo quelle cambiate da un momento / The plan in sheet rows: all of them, or only those changed since a time',
  })
  async sheetRows(
    @Args(() => PlanPeriodArgs) { planId, year, checkpoint }: PlanPeriodArgs,
    @Arg('since', () => Date, {
      nullable: true,
      deprecationReason:
        "Usare `after` con il `cursor` dell'ultima lettura / Use `after` with the last read's `cursor`",
    })
    since: Date | null,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'Solo le righe cambiate dopo la lettura che ha dato questo `cursor` (in ordine di commit); prevale su `since` / Only the rows changed after the read that gave this `cursor` (in commit order); wins over `since`',
    })
    after: string | null,
    @Arg('dashboards', () => Boolean, {
      defaultValue: false,
      description:
        'Anche ogni cruscotto come righe (cruscotto, ordine, livello, "Azione") dopo le righe del piano, con gli stessi rowId; non con since / Also each cruscotto as rows (dashboard, order, level, "Azione") after the plan rows, sharing their rowIds; not with since',
    })
    dashboards: boolean,
    @Arg('scope', () => SheetScopeInput, {
      nullable: true,
      description:
        "Solo le righe di un'unità responsabile o di un cruscotto, con prospettive e obiettivi sopra come contesto / Only the rows of one responsible unit or one cruscotto, with the perspectives and objectives above as context",
    })
    scope: SheetScopeInput | null,
    @Ctx() ctx: Context,
  ): Promise<SheetRowsPage> {
    const read = await readSheet(ctx, planId, year, checkpoint);
    const { state, changeCount } = read;
    const from = await deltaFrom(ctx, planId, read, since, after);
    const scoped = resolveScope(ctx, state, scope);
    // a scoped sheet holds its unit's or cruscotto's rows and their context, never the cruscotti's own rows
    // a delta: nothing committed since the cursor (from null), or the rows changed from `from`; else every row
    let shown: { rows: SheetRowOut[]; deletedRowIds: string[] };
    if (from === null) shown = { rows: [], deletedRowIds: [] };
    else if (from) {
      const { nodes, deletedRowIds } = await nodesChangedSince(ctx.em, state, from, Boolean(after));
      shown = deltaInScope(scoped, { rows: nodes.map((node) => sheetRowOf(state, node)), deletedRowIds });
    } else if (scoped) shown = { rows: rowsInScope(scoped, allRows(state)), deletedRowIds: [] };
    else {
      const cruscotti = dashboards ? await dashboardRows(ctx.em, state) : [];
      shown = { rows: [...allRows(state), ...cruscotti], deletedRowIds: [] };
    }
    const { rows, deletedRowIds } = shown;
    const scores = await sheetScores(ctx, read);
    const withScores = rows.map((row) => ({
      ...row,
      realization: realizationView(scoreOfRow(scores, row), year, checkpoint),
    }));
    return { rows: withScores, deletedRowIds, serverTime: read.serverTime, cursor: cursorOf(planId, changeCount) };
  }

  @Query(() => [RowChange], {
    description:
      'Ogni modifica a una riga del foglio (nodo, target e valore del periodo), dalla più recente / Every change to a sheet row (its node, targets and actual of the period), newest first',
    deprecationReason: 'Usare rowHistoryConnection / Use rowHistoryConnection',
  })
  async rowHistory(@Args(() => RowOfPeriodArgs) row: RowOfPeriodArgs, @Ctx() ctx: Context): Promise<RowChange[]> {
    return readRowHistory(
      ctx,
      row,
      (ids) => ctx.em.find(AuditEvent, { entityId: { $in: ids } }, { orderBy: { at: 'desc', id: 'desc' } }),
      (events) => events.length,
    );
  }

  @Mutation(() => CheckpointLock, {
    description:
      'Chiude una scadenza (controllo di gestione e amministratori): i suoi valori non possono più cambiare, per nessuna via / Locks a checkpoint (controllers and admins): its actual values can no longer change, by any path',
  })
  lockCheckpoint(
    @Args(() => LockCheckpointArgs) { planId, year, checkpoint, reason }: LockCheckpointArgs,
    @Ctx() ctx: Context,
  ): Promise<CheckpointLock> {
    return lockCheckpoint(ctx, planId, year, checkpoint, reason);
  }

  @Mutation(() => Boolean, {
    description:
      'Riapre una scadenza (controllo di gestione e amministratori); false se non era chiusa / Unlocks a checkpoint (controllers and admins); false when it was not locked',
  })
  unlockCheckpoint(
    @Args(() => CheckpointArgs) { planId, year, checkpoint }: CheckpointArgs,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return unlockCheckpoint(ctx, planId, year, checkpoint);
  }
}
