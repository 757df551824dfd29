import { Field, ID } from 'type-graphql';
import { AnswerType } from '../answer-type';
import { Nullable } from '../nullable';
import { Realization } from './realization';

@AnswerType('Il % di realizzazione di una riga del foglio / The realization of one sheet row')
export class SheetRowScore {
  @Field(() => ID) rowId!: string;
  @Nullable(Realization, "Per l'anno e la scadenza letti / For the year and checkpoint read")
  realization!: Realization | null;
}

@AnswerType(
  "I punteggi delle righe del foglio: tutti, o quelli cambiati dalla lettura che ha dato `after` / The sheet rows' scores: all of them, or those that moved since the read that gave `after`",
)
export class SheetScoresPage {
  @Field(() => [SheetRowScore]) rows!: SheetRowScore[];
  @Field(() => Boolean, {
    description:
      "Vero quando `rows` ha il punteggio di ogni riga (nessun `after`, o la sua lettura non è più nota a questo server): chi legge sostituisce tutto ciò che sa; falso: solo le righe il cui punteggio è cambiato / True when `rows` holds every row's score (no `after`, or its read no longer known to this server): replace everything known; false: only the rows whose score moved",
  })
  complete!: boolean;
  @Field(() => String, {
    description:
      'Da passare come `after` la volta dopo: nomina esattamente i punteggi di questa risposta / Pass it as `after` next time: it names exactly the scores of this answer',
  })
  cursor!: string;
}
