import { ArrayMaxSize, MaxLength, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';
import { ParsedValueType } from '../../entities/parsed-value';
import { Realization } from './realization';
import { SheetLevel } from './sync';
import { Nullable } from '../nullable';
import { AnswerType } from '../answer-type';

/** How many cells one codeValues request may ask for: a report sheet of a few thousand formulas fits in one. */
export const CODE_VALUES_LIMIT = 5000;

/** Why a cell could not be answered: each cell is answered on its own, so one bad code never fails the others. */
export enum CodeValueProblem {
  UNKNOWN_CODE = 'UNKNOWN_CODE',
  PLAN_NOT_FOUND = 'PLAN_NOT_FOUND',
  TOO_MANY_PLANS = 'TOO_MANY_PLANS',
}
registerEnumType(CodeValueProblem, {
  name: 'CodeValueProblem',
  description: 'Perché una cella non ha valore / Why a cell has no value',
  valuesConfig: {
    UNKNOWN_CODE: { description: 'Nessuna riga del piano ha quel codice / No row of the plan has that code' },
    PLAN_NOT_FOUND: {
      description:
        'Piano inesistente o senza diritto di lettura per chi chiede / No such plan, or the caller may not read it',
    },
    TOO_MANY_PLANS: {
      description:
        'Troppe combinazioni di piano, anno e scadenza in una richiesta / Too many plan, year and checkpoint combinations in one request',
    },
  },
});

@InputType({
  description:
    'Una cella da riempire: codice della riga, piano, anno e scadenza / One cell to fill: the row code, plan, year and checkpoint',
})
export class CodeValueRequest {
  @Field(() => ID, { description: 'Id della versione del piano / Id of the plan version' })
  planId!: string;
  @Field(() => String, { description: 'Codice, come nel piano ("1.2.1") / Code, as the plan prints it ("1.2.1")' })
  @MaxLength(100)
  code!: string;
  @Field(() => Int, { description: 'Anno / Year' })
  @Min(1990)
  @Max(2200)
  year!: number;
  @Field(() => Checkpoint, {
    defaultValue: Checkpoint.YEAR_END,
    description: 'Scadenza: 30/6 o 31/12 / Checkpoint: 30 June or 31 December',
  })
  checkpoint!: Checkpoint;
}

@InputType({ description: 'Le celle da riempire in una richiesta / The cells to fill in one request' })
export class CodeValuesInput {
  @Field(() => [CodeValueRequest], { description: 'Le celle / The cells' })
  @ArrayMaxSize(CODE_VALUES_LIMIT)
  @ValidateNested({ each: true })
  requests!: CodeValueRequest[];
}

@AnswerType(
  'Il valore di una riga del piano per codice, come lo leggono le formule di Excel / One plan row by code, as Excel formulas read it',
)
export class CodeValue {
  @Field(() => ID, { description: 'Id della versione del piano chiesta / Id of the plan version asked for' })
  planId!: string;
  @Field(() => String, { description: 'Il codice chiesto / The code asked for' })
  code!: string;
  @Field(() => Int, { description: 'Anno / Year' })
  year!: number;
  @Field(() => Checkpoint, { description: 'Scadenza / Checkpoint' })
  checkpoint!: Checkpoint;
  @Nullable(ID, 'La riga trovata; null se nessuna / The row found; null when none')
  rowId!: string | null;
  @Nullable(SheetLevel, 'Livello della riga / Level of the row')
  level!: string | null;
  @Nullable(String, 'Titolo della riga / Title of the row')
  title!: string | null;
  @Nullable(ParsedValueType, 'Valore ottenuto, come scritto / Actual value, as entered')
  actual!: unknown;
  @Nullable(ParsedValueType, "Il target effettivo dell'anno / The effective target of the year")
  target!: unknown;
  @Nullable(Realization, '% di realizzazione della riga / Realization of the row')
  realization!: Realization | null;
  @Nullable(
    CodeValueProblem,
    'Perché la cella non ha valore; null se lo ha / Why the cell has no value; null when it has one',
  )
  problem!: CodeValueProblem | null;
}
