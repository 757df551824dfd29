import { IsOptional, Max, Min, MaxLength, ArrayMaxSize, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import {
  AuditAction,
  ChangeSource,
  Checkpoint,
  DashboardKind,
  EntryLevel,
  Polarity,
  ScoringRule,
} from '@core/vocabulary/enums';
import { AffectedLevel } from '@core/vocabulary/results';
import { RowStatus, SyncMode, SyncSourceKind } from '@core/vocabulary/sync';
import { ParsedValueType, ThresholdType } from '../../entities/parsed-value';
import { Realization } from './realization';
import { SheetScopeInput } from './sheet-scope';
import { Nullable } from '../nullable';
import { Optional } from '../inputs/fields';
import { AnswerType } from '../answer-type';
import { PeriodAnswer } from './period';
import { BilingualMessage } from './bilingual-message';

export enum SheetLevel {
  PERSPECTIVE = 'perspective',
  STRATEGIC = 'strategic',
  OPERATIONAL = 'operational',
  INDICATOR = 'indicator',
}
registerEnumType(SheetLevel, { name: 'SheetLevel' });

/** A cell of a sheet row as the user typed it, or nothing: the server parses it (the column says how, with its words) */
const Cell = (description = 'Come scritto nella cella / As typed in the cell') => Optional(String, description);

@InputType({
  description:
    'Una cella di soglia: il punteggio (0.8 per "soglia 80%") e il valore come scritto / A threshold cell: its score (0.8 for "soglia 80%") and the value as typed',
})
export class SheetThresholdInput {
  @Field(() => Float) score!: number;
  @Field() @MaxLength(500) value!: string;
}

@InputType({ description: 'Un target di un anno seguente, come scritto / A target of a later year, as typed' })
export class SheetFutureTargetInput {
  @Field(() => Int) year!: number;
  @Field() @MaxLength(500) value!: string;
}

/** Cells are strings as typed: the server parses them, so a bad cell is refused by column, never crashes the batch. */
@InputType({
  description:
    'Una riga del foglio: prospettiva, obiettivo o indicatore come li mostra il foglio (docs/sheet-contract.md) / One sheet row: a perspective, objective or indicator as the sheet shows it (docs/sheet-contract.md)',
})
export class SheetRowInput {
  @Optional(ID, "Colonna nascosta dell'id; vuota per una riga nuova / Hidden id column; empty for a new row")
  rowId?: string | null;
  @Optional(
    Int,
    "Colonna nascosta della versione: l'ultima vista dal foglio; obbligatoria con rowId (altrimenti VERSION_REQUIRED) / Hidden version column: the version the sheet last saw; required with rowId (VERSION_REQUIRED otherwise)",
  )
  rowVersion?: number | null;
  @Optional(
    String,
    "La chiave del client per questa riga, perché righe nuove possano nominare padri nuovi / The client's key for this row, so new rows can name new parents",
  )
  @IsOptional()
  @MaxLength(200)
  clientRef?: string | null;
  @Optional(Boolean, 'Cancella questa riga (esplicitamente) / Delete this row (explicitly)')
  delete?: boolean | null;
  @Cell() level?: string | null;
  @Cell() code?: string | null;
  @Cell() title?: string | null;
  @Optional(
    String,
    "Il rowId del padre, o il clientRef di un padre nuovo in questo lotto / The parent's rowId, or the clientRef of a new parent in this batch",
  )
  parentRef?: string | null;
  @Cell() weight?: string | null;
  @Cell() kpi?: string | null;
  @Cell() unit?: string | null;
  @Cell() polarity?: string | null;
  @Cell() rule?: string | null;
  @Cell() target?: string | null;
  @Field(() => [SheetThresholdInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  thresholds?: SheetThresholdInput[] | null;
  @Field(() => [SheetFutureTargetInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  futureTargets?: SheetFutureTargetInput[] | null;
  @Cell() actual?: string | null;
  @Cell('SI / NO') neutralised?: string | null;
  @Cell() neutralisationReason?: string | null;
  @Cell() note?: string | null;
  @Cell(
    'Nomi delle unità come scritti; più d\'uno separati da ";" o " e " / Unit names as typed; several separated by ";" or " e "',
  )
  responsibleUnit?: string | null;
  @Cell(
    '"Fonte del dato": la fonte del dato dell\'indicatore, come scritta; vuoto = nessuna / "Fonte del dato": the indicator\'s data source, as typed; empty = none',
  )
  dataSource?: string | null;
  @Cell(
    "\"Azione\": l'etichetta d'azione che un cruscotto stampa accanto all'indicatore / the action label a cruscotto prints beside an indicator",
  )
  actionLabel?: string | null;
  @Cell(
    'Il cruscotto in cui compare la riga: la riga è allora (cruscotto, livello, codice) e lo stesso codice in un altro cruscotto è lo stesso nodo / The cruscotto this row appears in; the row is then (cruscotto, level, code), and the same code in another cruscotto is the same node',
  )
  dashboard?: string | null;
  @Cell(
    'Tipo di cruscotto: strategico, servizio, segretario generale, dirigente, individuale; vuoto = dal nome / Kind of cruscotto: strategic, service, secretary general, manager, individual; empty = from the name',
  )
  dashboardKind?: string | null;
  @Cell(
    "L'unità o il dirigente a cui appartiene il cruscotto, per nome / The unit or the manager the cruscotto belongs to, by name",
  )
  dashboardOwner?: string | null;
  @Cell(
    'Ordine nel cruscotto (1, 2, …); vuoto = ordine del lotto / Order in the cruscotto (1, 2, …); empty = order of the batch',
  )
  position?: string | null;
  @Cell(
    "Livello della voce: strategico o operativo, come il cruscotto mostra l'indicatore / Entry level: strategic or operational, how the cruscotto shows the indicator",
  )
  entryLevel?: string | null;
  @Cell(
    'Peso della voce nel suo cruscotto, in punti percentuali ("25%", "25"); solo righe di indicatore in un cruscotto / Weight of the entry in its cruscotto, in percent points; cruscotto indicator rows only',
  )
  entryWeight?: string | null;
  @Cell(
    "Fonte del dato della voce, quando è diversa da quella dell'indicatore; vuoto = quella dell'indicatore / The entry's data source when it differs from the indicator's; empty = the indicator's",
  )
  entryDataSource?: string | null;
}

@InputType({
  description:
    'Da dove viene un lotto, per il registro delle modifiche / Where a batch comes from, for the audit trail',
})
export class SyncSourceInput {
  @Field(() => SyncSourceKind) kind!: SyncSourceKind;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(140) workbook?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(140) sheet?: string | null;
  @Optional(
    String,
    "Chi sincronizza (finché l'autenticazione non nomina l'utente) / Who is syncing (until authentication names the user)",
  )
  @IsOptional()
  @MaxLength(200)
  author?: string | null;
}

@InputType({
  description:
    'Un lotto di righe del foglio per una versione del piano, un anno e una scadenza / A batch of sheet rows for one plan version, year and checkpoint',
})
export class SyncBatchInput {
  @Field(() => ID) planId!: string;
  @Field(() => Int) @Min(1990) @Max(2100) year!: number;
  @Field(() => Checkpoint, { defaultValue: Checkpoint.YEAR_END }) checkpoint!: Checkpoint;
  @Field(() => SyncMode, { defaultValue: SyncMode.PARTIAL }) mode!: SyncMode;
  @Optional(
    String,
    'Chiave di idempotenza: un nuovo tentativo con la stessa chiave riceve la prima risposta / Idempotency key: a retry with the same key returns the first answer',
  )
  @IsOptional()
  @MaxLength(200)
  batchKey?: string | null;
  @Field(() => SyncSourceInput, { nullable: true }) @IsOptional() @ValidateNested() source?: SyncSourceInput | null;
  @Field(() => [SheetRowInput]) @ValidateNested({ each: true }) rows!: SheetRowInput[];
  @Optional(
    SheetScopeInput,
    'Il foglio è di una sola unità o di un solo cruscotto: le righe fuori da esso sono respinte / The sheet is of one unit or one cruscotto: rows outside it are refused',
  )
  @IsOptional()
  @ValidateNested()
  scope?: SheetScopeInput | null;
}

@AnswerType(
  'Perché una cella è stata rifiutata, in italiano e inglese / Why a cell was refused, in English and Italian',
  { name: 'CellError' },
)
export class CellErrorType extends BilingualMessage {
  @Field({
    description:
      'Colonna del contratto, es. weight, target, thresholds.0 / Column of the contract, e.g. weight, target, thresholds.0',
  })
  column!: string;
  @Field() code!: string;
}

@ObjectType('SheetFutureTarget', { simpleResolvers: true })
export class SheetFutureTargetType {
  @Field(() => Int) year!: number;
  @Field(() => ParsedValueType) value!: unknown;
}

/*
 * The columns of a sheet row, as an interface so that a client selects them with one fragment on both a sheetRows
 * row (SheetRow) and the server's side of a conflict (ConflictRow), instead of one copy of the fragment per type.
 */
@InterfaceType({
  description:
    'Le colonne di una riga del foglio, comuni a SheetRow e ConflictRow / The columns of a sheet row, shared by SheetRow and ConflictRow',
})
export abstract class SheetRowColumns {
  @Field(() => ID) rowId!: string;
  @Field(() => Int) rowVersion!: number;
  @Field(() => SheetLevel) level!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field() title!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => Float, { nullable: true }) weight!: number | null;
  @Field(() => String, { nullable: true }) kpi!: string | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => Polarity, { nullable: true }) polarity!: string | null;
  @Field(() => ScoringRule, { nullable: true }) rule!: string | null;
  @Field(() => ParsedValueType, { nullable: true }) target!: unknown;
  @Nullable(
    ParsedValueType,
    "Il target originale, quando una revisione l'ha sostituito / The original target when a revision replaced it",
  )
  originalTarget!: unknown;
  @Field(() => [ThresholdType]) thresholds!: unknown[];
  @Field(() => [SheetFutureTargetType]) futureTargets!: unknown[];
  @Field(() => ParsedValueType, { nullable: true }) actual!: unknown;
  @Field() neutralised!: boolean;
  @Field(() => String, { nullable: true }) neutralisationReason!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [String]) responsibleUnits!: string[];
  @Nullable(
    String,
    "Fonte del dato dell'indicatore (una riga di cruscotto può avere la propria in entryDataSource) / The indicator's data source (a cruscotto row may have its own in entryDataSource)",
  )
  dataSource!: string | null;
  @Nullable(
    String,
    "\"Azione\": dell'indicatore, o della voce su una riga di cruscotto / the indicator's, or the entry's on a cruscotto row",
  )
  actionLabel!: string | null;
  @Nullable(
    String,
    'Il cruscotto di una riga di cruscotto; null su una riga del piano / The cruscotto of a cruscotto row; null on a plan row',
  )
  dashboard!: string | null;
  @Nullable(DashboardKind, "Tipo del cruscotto della riga / Kind of the row's cruscotto")
  dashboardKind!: string | null;
  @Nullable(
    String,
    "L'unità o il dirigente a cui appartiene il cruscotto / The unit or manager the cruscotto belongs to",
  )
  dashboardOwner!: string | null;
  @Nullable(Int, "Ordine dell'indicatore nel suo cruscotto / Order of the indicator in its cruscotto")
  position!: number | null;
  @Nullable(EntryLevel, 'Livello della voce nel cruscotto / Level of the entry in the cruscotto')
  entryLevel!: string | null;
  @Nullable(
    Float,
    'Peso della voce nel cruscotto, in punti percentuali / Weight of the entry in the cruscotto, in percent points',
  )
  entryWeight!: number | null;
  @Nullable(
    String,
    "Fonte del dato propria della voce; null = quella dell'indicatore / The entry's own data source; null = the indicator's",
  )
  entryDataSource!: string | null;
  @Field(() => Date) updatedAt!: Date;
}

@AnswerType(
  'Un nodo del piano come lo mostra il foglio (il lato lettura del contratto di riga) / A plan node as the sheet shows it (the read side of the row contract)',
  { implements: SheetRowColumns },
)
export class SheetRow extends SheetRowColumns {
  @Nullable(
    Realization,
    "% di realizzazione della riga per l'anno e la scadenza letti (solo sheetRows) / Realization of the row for the year and checkpoint read (sheetRows only)",
  )
  realization?: Realization | null;
}

@AnswerType(
  "La riga del server in un conflitto, con chi l'ha cambiata e quando / The server row of a conflict, with who changed it when",
)
export class ConflictRow extends SheetRow {
  @Field(() => String, { nullable: true }) changedBy!: string | null;
  @Field(() => Date, { nullable: true }) changedAt!: Date | null;
}

@AnswerType('Che cosa è successo a una riga di un lotto / What happened to one row of a batch', { name: 'RowResult' })
export class RowResultType {
  @Field(() => Int, { description: 'Posizione della riga nel lotto / Position of the row in the batch' })
  index!: number;
  @Field(() => String, { nullable: true }) clientRef!: string | null;
  @Nullable(ID, 'Id della riga (nuovo per una riga creata) / The row id (new for a created row)')
  rowId!: string | null;
  @Field(() => RowStatus) status!: string;
  @Nullable(Int, 'La nuova versione della riga, da tenere nel foglio / The new row version, to keep in the sheet')
  rowVersion!: number | null;
  @Field(() => [CellErrorType]) errors!: CellErrorType[];
  @Nullable(
    ConflictRow,
    "La riga del server, quando l'ha cambiata qualcun altro / The server's row, when it was changed by someone else",
  )
  current!: ConflictRow | null;
  @Field(() => Realization, { nullable: true }) realization!: Realization | null;
}

@AnswerType(
  'Il punteggio di un obiettivo, prospettiva, piano o cruscotto che il lotto ha cambiato / The score of an objective, perspective, plan or dashboard the batch changed',
  { name: 'AffectedScore' },
)
export class AffectedScoreType {
  @Field(() => ID) id!: string;
  @Field(() => AffectedLevel) level!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => Realization, { nullable: true }) realization!: Realization | null;
}

@AnswerType('La risposta a un lotto / The answer to a batch')
export class SyncResult extends PeriodAnswer {
  @Field(() => ID) planId!: string;
  @Field(() => SyncMode) mode!: string;
  @Field(() => String, { nullable: true }) batchKey!: string | null;
  @Field({
    description:
      'Vero se è la risposta conservata di un lotto identico precedente / True when this is the stored answer to an earlier identical batch',
  })
  replayed!: boolean;
  @Field(() => Int, { description: 'Righe create, modificate o cancellate / Rows created, updated or deleted' })
  applied!: number;
  @Field(() => [RowResultType]) rows!: RowResultType[];
  @Field(() => [AffectedScoreType]) affected!: AffectedScoreType[];
}

@AnswerType(
  'Righe di un piano in forma di foglio: tutte, o quelle cambiate da un momento / Rows of a plan in sheet shape: all of them, or those changed since a time',
)
export class SheetRowsPage {
  @Field(() => [SheetRow]) rows!: SheetRow[];
  @Field(() => [ID], { description: 'Righe cancellate dal momento dato / Rows deleted since the given time' })
  deletedRowIds!: string[];
  @Field(() => Date, {
    description:
      "L'ora del server alla lettura; come `since` può perdere una sincronizzazione ancora aperta: usare `cursor` / The server's time at the read; as `since` it can miss a sync still open at the read: use `cursor`",
  })
  serverTime!: Date;
  @Field(() => String, {
    description:
      'Da passare come `after` la volta dopo: le righe cambiate dopo questa lettura in ordine di commit, anche da una sincronizzazione aperta durante la lettura / Pass it as `after` next time: the rows changed after this read in commit order, a sync open during the read included',
  })
  cursor!: string;
}

@AnswerType(
  'Una modifica a una riga del foglio (nodo, target o valore) / One change to a sheet row (its node, targets or actual)',
)
export class RowChange {
  @Field() entityType!: string;
  @Field(() => ID) entityId!: string;
  @Field(() => AuditAction) action!: string;
  // optional like the audit event's own fields, so rowHistory returns the events as they are
  @Field(() => String, { nullable: true }) actor?: string | null;
  @Field(() => ChangeSource) source!: string;
  @Field(() => String, { nullable: true }) sourceDetail?: string | null;
  @Field(() => Date) at!: Date;
  @Field(() => GraphQLJSONObject, { nullable: true }) before?: unknown;
  @Field(() => GraphQLJSONObject, { nullable: true }) after?: unknown;
}
