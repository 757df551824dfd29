/**
 * `undoSyncBatch` (issue 18, item 6): the pane's "Annulla l'ultimo invio". The batch is named by the plan and the key
 * its client chose (syncRows' `batchKey`); server/sync/undo-batch.ts reverts it from the audit trail, or names the
 * rows changed since and why, and leaves everything as it is.
 */
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { MaxLength, ValidateNested, IsOptional } from 'class-validator';
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { SyncSourceKind } from '@core/vocabulary/sync';
import { undoSyncBatch } from '../sync/undo-batch';
import type { Context } from './context';
import { SyncSourceInput } from './types/sync';
import { AnswerType } from './answer-type';
import { Nullable } from './nullable';
import { Optional } from './inputs/fields';

@InputType({ description: 'Quale invio del foglio annullare / Which sheet batch to undo' })
class UndoSyncBatchInput {
  @Field(() => ID, { description: 'La versione del piano / The plan version' }) planId!: string;
  @Field({ description: "La chiave dell'invio (batchKey di syncRows) / The batch's key (syncRows' batchKey)" })
  @MaxLength(200)
  batchKey!: string;
  @Field(() => Int, { description: "Anno dell'invio / The batch's year" }) year!: number;
  @Field(() => Checkpoint, { description: "Scadenza dell'invio / The batch's checkpoint" }) checkpoint!: Checkpoint;
  @Optional(
    SyncSourceInput,
    "Da dove viene l'annullamento, per il registro / Where the undo comes from, for the audit trail",
  )
  @IsOptional()
  @ValidateNested()
  source?: SyncSourceInput | null;
}

@AnswerType(
  "Una riga che impedisce l'annullamento: modificata dopo l'invio, o eliminata dall'invio / A row that stops the undo: changed after the batch, or deleted by it",
)
class UndoRefusal {
  @Field(() => ID, { description: 'La riga del foglio / The sheet row' }) rowId!: string;
  @Nullable(String, 'Il codice della riga / The row code') code!: string | null;
  @Field({ description: 'Perché, in italiano / Why, in Italian' }) reasonIt!: string;
  @Field({ description: 'Perché, in inglese / Why, in English' }) reason!: string;
  @Nullable(String, "Chi l'ha modificata dopo / Who changed it since")
  changedBy!: string | null;
  @Nullable(Date, 'Quando è stata modificata dopo / When it was changed since')
  changedAt!: Date | null;
  @Nullable(ChangeSource, 'Da dove è stata modificata / Where it was changed from')
  source!: ChangeSource | null;
}

@AnswerType("L'esito dell'annullamento di un invio / The outcome of undoing a sheet batch")
class UndoSyncResult {
  @Field({
    description:
      "Vero se l'invio è stato annullato; falso se una riga lo impedisce (refusals) / True when the batch was undone; false when a row stops it (refusals)",
  })
  undone!: boolean;
  @Field(() => [ID], { description: "Le righe rimesse com'erano prima / The rows put back as they were" })
  rowIds!: string[];
  @Field(() => [ID], {
    description: "Le righe create dall'invio, ora eliminate / The rows the batch created, now removed",
  })
  removedRowIds!: string[];
  @Field(() => Int, {
    description:
      'Quanti dati (nodi, target, valori, revisioni) sono tornati indietro / How many stored rows (nodes, targets, values, revisions) changed back',
  })
  reverted!: number;
  @Field(() => [UndoRefusal], { description: "Le righe che impediscono l'annullamento / The rows that stop the undo" })
  refusals!: UndoRefusal[];
}

const SOURCE: Record<SyncSourceKind, ChangeSource> = {
  [SyncSourceKind.ADDIN]: ChangeSource.ADDIN,
  [SyncSourceKind.GRAPHQL]: ChangeSource.GRAPHQL,
  [SyncSourceKind.IMPORT]: ChangeSource.GRAPHQL,
};

@Resolver()
export class UndoSyncResolver {
  @Mutation(() => UndoSyncResult, {
    description:
      "Annulla un invio del foglio dal registro delle modifiche, se nessuna sua riga è cambiata dopo; l'annullamento è registrato / Undoes a sheet batch from the audit trail unless one of its rows changed since; the undo is audited",
  })
  async undoSyncBatch(@Arg('input', () => UndoSyncBatchInput) input: UndoSyncBatchInput, @Ctx() ctx: Context) {
    const source = input.source;
    return undoSyncBatch(
      {
        ...ctx,
        source: source ? SOURCE[source.kind] : ChangeSource.GRAPHQL,
        sourceDetail: [source?.workbook, source?.sheet].filter(Boolean).join(' / ') || null,
      },
      { planId: input.planId, batchKey: input.batchKey, year: input.year, checkpoint: input.checkpoint },
    );
  }
}
