import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { SheetLevel } from './sync';
import { Realization } from './realization';
import { MovedScoreLevel } from '@core/vocabulary/results';

@ObjectType({
  simpleResolvers: true,
  description: 'A sheet row a colleague changed: its new version, who, when, from where',
})
export class ChangedRow {
  @Field(() => ID) rowId!: string;
  @Field(() => Int, { description: 'The version sheetRows now answers for the row' }) rowVersion!: number;
  @Field(() => SheetLevel) level!: SheetLevel;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'Display name of who changed it' }) changedBy!: string | null;
  @Field(() => Date) changedAt!: Date;
  @Field(() => ChangeSource) source!: ChangeSource;
}

@ObjectType({ simpleResolvers: true, description: 'A score the change moved: its value before, and now in full' })
export class MovedScore {
  @Field(() => ID, { description: 'The indicator, objective, perspective, plan or dashboard' }) id!: string;
  @Field(() => MovedScoreLevel, { description: 'Livello del punteggio / Level of the score' }) level!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => Float, { nullable: true }) oldScore!: number | null;
  @Field(() => String, { nullable: true }) oldDisplay!: string | null;
  @Field(() => Realization, { nullable: true, description: 'The realization now' }) realization!: Realization | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'What one committed change did to a plan for one year and checkpoint: the rows and the scores it moved',
})
export class PlanChange {
  @Field(() => ID) planId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Checkpoint) checkpoint!: Checkpoint;
  @Field(() => String, { nullable: true, description: 'Display name of who made the change' }) changedBy!:
    string | null;
  @Field(() => Date) at!: Date;
  @Field(() => ChangeSource) source!: ChangeSource;
  @Field(() => [ChangedRow]) rows!: ChangedRow[];
  @Field(() => [ID]) deletedRowIds!: string[];
  @Field(() => [MovedScore]) scores!: MovedScore[];
}
