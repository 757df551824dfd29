import { Index, OptionalProps, Unique } from '@mikro-orm/core';
import type { ParsedValue } from '@core/values/types';
import { AtCheckpoint } from './at-checkpoint';
import { NodeEntity } from './base';
import {
  OptionalDouble,
  OptionalString,
  OptionalText,
  OptionalValue,
  RequiredBoolean,
  RequiredDateTime,
} from './columns';

/**
 * Valore ottenuto: one per indicator × year × checkpoint, however many dashboards list the indicator.
 * Neutralisation needs a reason; a manual score needs a justification (docs/scoring.md §5.3).
 */
@NodeEntity(
  'Valore ottenuto di un indicatore a una scadenza / Actual value of an indicator at a checkpoint (valore ottenuto)',
)
@Unique({ properties: ['indicator', 'year', 'checkpoint'] })
// the plan's sliced reads (server/speed/read-slices.ts) go by primary key within the plan: `plan_id = ? and id > ?
// order by id limit n` seeks here; on the plan's index alone each slice sorted all the plan's rows (bench B4)
@Index({ properties: ['plan', 'id'] })
export class Measurement extends AtCheckpoint {
  declare [OptionalProps]?: 'notCompleted' | 'neutralised' | 'recordedAt';

  @OptionalValue('null quando non è stato inserito nulla / null when nothing was entered') value?: ParsedValue | null;

  @RequiredBoolean(
    'Indicatori a scadenza: dichiarato non completato (vale 0) / Deadline indicators: explicitly not completed (scores 0)',
  )
  notCompleted: boolean = false;

  @RequiredBoolean() neutralised: boolean = false;

  @OptionalText() neutralisationReason?: string | null;

  @OptionalDouble('Punteggio manuale in [0, 1] (regola manual) / Manual score in [0, 1] (rule manual)') manualScore?:
    number | null;

  @OptionalText() manualJustification?: string | null;

  @OptionalText("Evidenze offerte all'OIV / Evidence offered to the OIV") evidence?: string | null;

  @OptionalText() note?: string | null;

  @OptionalString(200, 'Chi ha registrato il valore / Who recorded the value') author?: string | null;

  @RequiredDateTime() recordedAt: Date = new Date();
}
