import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';
import { RealizationRule, ScoreStatus } from '@core/vocabulary/results';

/** The realization of an indicator or an aggregate, with why it is what it is (docs/scoring.md §5.12). */
@ObjectType({ simpleResolvers: true, description: 'Realization % with its explanation, for one year and checkpoint' })
export class Realization {
  @Field(() => Int)
  year!: number;

  @Field(() => Checkpoint)
  checkpoint!: Checkpoint;

  @Field(() => ScoreStatus, {
    description:
      'Indicatori: SCORED, MISSING, MONITORING, NEUTRALISED, NOT_APPLICABLE, INVALID; aggregati: SCORED, EMPTY, INVALID / Indicators: …; aggregates: …',
  })
  status!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Full precision, in [0, 1] (above 1 only with capRatio false); null = not scored, shown blank',
  })
  score!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Rounded half-up for display: "91.67%" for indicators, "86%" for aggregates',
  })
  display!: string | null;

  @Field(() => Float, { nullable: true, description: 'Uncapped ratio (indicators with ratio or inverse rules)' })
  attainment!: number | null;

  @Field(() => Float, { nullable: true })
  passMark!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'score ≥ pass mark; null without a score or a pass mark' })
  achieved!: boolean | null;

  @Field(() => RealizationRule, {
    nullable: true,
    description:
      "Regola dell'indicatore (RATIO, BANDS…) o dell'aggregato (MEAN, STRATEGIC…) / Rule of an indicator or an aggregate",
  })
  rule!: string | null;

  @Field({ description: 'One line, e.g. "ratio: min(11/12, 1) = 91.67%"' })
  text!: string;

  @Field(() => [String])
  warnings!: string[];

  @Field(() => [String])
  errors!: string[];

  @Field({ description: 'Scoring profile that produced it, "name@version"' })
  profile!: string;

  @Field(() => GraphQLJSONObject, {
    description: 'Inputs, effective target, formula, children used and excluded',
    deprecationReason:
      'Usare `details`, tipizzato; resta per compatibilità / Use `details`, the same explanation typed; kept for compatibility',
  })
  explanation!: Record<string, unknown>;
}
