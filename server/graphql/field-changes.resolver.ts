import { ArrayMaxSize } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { LIMITS } from '@core/sheet/row';
import { lastFieldChanges } from '../sync/field-changes';
import { loadPlanState } from '../sync/plan-state';
import type { Context } from './context';
import { Nullable } from './nullable';
import { AnswerType } from './answer-type';

@AnswerType(
  "L'ultima modifica di un campo di una riga: chi, quando, da dove / The latest change of one field of a row: who, when, from where",
)
export class FieldChange {
  @Field({ description: 'La tabella del campo (Indicator, Target, Measurement…) / The table of the field' })
  entityType!: string;
  @Field({ description: 'Il campo cambiato (value, note…) / The field that changed' })
  field!: string;
  @Nullable(String, "Chi l'ha cambiato / Who changed it")
  actor!: string | null;
  @Field(() => Date, { description: 'Quando / When' })
  at!: Date;
  @Field(() => ChangeSource, { description: 'Da dove / From where' })
  source!: string;
}

@AnswerType('Le ultime modifiche dei campi di una riga del foglio / The latest change of each field of one sheet row')
export class RowFieldChanges {
  @Field(() => ID, { description: 'La riga del foglio / The sheet row' })
  rowId!: string;
  @Field(() => [FieldChange], {
    description: 'Per ogni campo cambiato, la modifica più recente / For each changed field, its newest change',
  })
  changes!: FieldChange[];
}

@ArgsType()
class LastFieldChangesArgs {
  @Field(() => ID, { description: 'La versione del piano / The plan version' })
  planId!: string;
  @Field(() => [ID], {
    description: `Le righe del foglio, al più ${LIMITS.rowsPerBatch} / The sheet rows, at most ${LIMITS.rowsPerBatch}`,
  })
  @ArrayMaxSize(LIMITS.rowsPerBatch)
  rowIds!: string[];
  @Field(() => Int, { description: 'Anno / Year' })
  year!: number;
  @Field(() => Checkpoint, { defaultValue: Checkpoint.YEAR_END, description: 'Scadenza / Checkpoint' })
  checkpoint!: Checkpoint;
}

/** Who changed each cell of the conflicting rows of a Sync, for all of them in one request (issue 18, item 5). */
@Resolver()
export class FieldChangesResolver {
  @Query(() => [RowFieldChanges], {
    description:
      'Per ogni riga chiesta, chi ha cambiato per ultimo ogni suo campo e quando (le schede dei conflitti): tutte in una richiesta, nello stesso ordine / For each row asked, who last changed each of its fields and when (the conflict cards): all in one request, in the same order',
  })
  async lastFieldChanges(
    @Args(() => LastFieldChangesArgs) { planId, rowIds, year, checkpoint }: LastFieldChangesArgs,
    @Ctx() ctx: Context,
  ): Promise<RowFieldChanges[]> {
    const state = await loadPlanState(ctx.em, planId, year, checkpoint, { readOnly: ctx.fastPaths });
    return lastFieldChanges(ctx, state, rowIds);
  }
}
