import { Index, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field } from 'type-graphql';
import { Polarity, ScoringRule, TargetMode } from '@core/vocabulary/enums';
import { type StoredThreshold, ThresholdType } from './parsed-value';
import { AtCheckpoint } from './at-checkpoint';
import { OptionalEnum, RequiredEnum } from './columns';
import { NodeEntity } from './base';

/**
 * Expected result of an indicator for one (year, checkpoint). Its value lives in revisions: the original and any
 * "nuova previsione", appended and never overwritten; scoring uses the latest approved one (docs/scoring.md §5.2.1).
 * Mode, polarity and rule are per year because indicators switch kind between years (docs/domain.md §8.10, §8.11).
 */
@NodeEntity(
  'Target di un indicatore per un anno e una scadenza, con soglie e revisioni / Target of an indicator for a year and checkpoint, with thresholds and revisions',
)
@Unique({ properties: ['indicator', 'year', 'checkpoint'] })
// the plan's sliced reads (server/speed/read-slices.ts) go by primary key within the plan: `plan_id = ? and id > ?
// order by id limit n` seeks here; on the plan's index alone each slice sorted all the plan's rows (bench B4)
@Index({ properties: ['plan', 'id'] })
export class Target extends AtCheckpoint {
  declare [OptionalProps]?: 'mode' | 'thresholds';

  @RequiredEnum(TargetMode) mode: TargetMode = TargetMode.SCORED;

  @OptionalEnum(
    Polarity,
    "Sostituisce la polarità dell'indicatore per quest'anno / Overrides the indicator's polarity for this year",
  )
  polarity?: Polarity | null;

  @OptionalEnum(
    ScoringRule,
    "Sostituisce la regola dell'indicatore per quest'anno / Overrides the indicator's rule for this year",
  )
  rule?: ScoringRule | null;

  @Field(() => [ThresholdType], {
    description:
      'Punti soglia; il target stesso è il punto con punteggio 1 / Threshold points, the target itself being the point with score 1',
  })
  @Property({ type: 'json' })
  thresholds: StoredThreshold[] = [];
}
