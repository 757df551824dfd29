import { Field, Float, ID, Int } from 'type-graphql';
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { SheetLevel } from './sync';
import { Realization } from './realization';
import { MovedScoreLevel } from '@core/vocabulary/results';
import { Nullable } from '../nullable';
import { AnswerType } from '../answer-type';

@AnswerType(
  'Una riga del foglio cambiata da un collega: nuova versione, chi, quando, da dove / A sheet row a colleague changed: its new version, who, when, from where',
)
export class ChangedRow {
  @Field(() => ID) rowId!: string;
  @Field(() => Int, {
    description: 'La versione che sheetRows dà ora per la riga / The version sheetRows now answers for the row',
  })
  rowVersion!: number;
  @Field(() => SheetLevel) level!: SheetLevel;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Nullable(String, "Nome di chi l'ha cambiata / Display name of who changed it")
  changedBy!: string | null;
  @Field(() => Date) changedAt!: Date;
  @Field(() => ChangeSource) source!: ChangeSource;
}

@AnswerType(
  'Un punteggio mosso dalla modifica: il valore di prima e quello di ora, completo / A score the change moved: its value before, and now in full',
)
export class MovedScore {
  @Field(() => ID, {
    description:
      "L'indicatore, obiettivo, prospettiva, piano o cruscotto / The indicator, objective, perspective, plan or dashboard",
  })
  id!: string;
  @Field(() => MovedScoreLevel, { description: 'Livello del punteggio / Level of the score' }) level!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => Float, { nullable: true }) oldScore!: number | null;
  @Field(() => String, { nullable: true }) oldDisplay!: string | null;
  @Nullable(Realization, 'La % di realizzazione ora / The realization now')
  realization!: Realization | null;
}

@AnswerType(
  'Che cosa ha fatto una modifica a un piano per un anno e una scadenza: le righe e i punteggi mossi / What one committed change did to a plan for one year and checkpoint: the rows and the scores it moved',
)
export class PlanChange {
  @Field(() => ID) planId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Checkpoint) checkpoint!: Checkpoint;
  @Nullable(String, 'Nome di chi ha fatto la modifica / Display name of who made the change')
  changedBy!: string | null;
  @Field(() => Date) at!: Date;
  @Field(() => ChangeSource) source!: ChangeSource;
  @Field(() => [ChangedRow]) rows!: ChangedRow[];
  @Field(() => [ID]) deletedRowIds!: string[];
  @Field(() => [MovedScore]) scores!: MovedScore[];
  @Field(() => Boolean, {
    description:
      "Vero solo nel primo evento, inviato quando il server ascolta: da lì nessuna modifica si perde; leggi ora sheetRows(after) dal tuo ultimo cursore per ciò che è cambiato prima (righe e punteggi vuoti) / True on the subscription's first event only, sent once the server listens: no change is missed from then on; read sheetRows(after) from your last cursor now for what changed before (no rows nor scores)",
  })
  subscribed!: boolean;
}
