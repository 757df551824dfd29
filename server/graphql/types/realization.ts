import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float } from 'type-graphql';
import { RealizationRule, ScoreStatus } from '@core/vocabulary/results';
import { Nullable } from '../nullable';
import { AnswerType } from '../answer-type';
import { PeriodAnswer } from './period';

/** The realization of an indicator or an aggregate, with why it is what it is (docs/scoring.md §5.12). */
@AnswerType(
  '% di realizzazione con la spiegazione, per un anno e una scadenza / Realization % with its explanation, for one year and checkpoint',
)
export class Realization extends PeriodAnswer {
  @Field(() => ScoreStatus, {
    description:
      'Indicatori: SCORED, MISSING, MONITORING, NEUTRALISED, NOT_APPLICABLE, INVALID; aggregati: SCORED, EMPTY, INVALID / Indicators: …; aggregates: …',
  })
  status!: string;

  @Nullable(
    Float,
    'Precisione piena, in [0, 1] (sopra 1 solo con capRatio false); null = non valutato, vuoto / Full precision, in [0, 1] (above 1 only with capRatio false); null = not scored, shown blank',
  )
  score!: number | null;

  @Nullable(
    String,
    'Arrotondato per la visualizzazione: "91.67%" per gli indicatori, "86%" per gli aggregati / Rounded half-up for display: "91.67%" for indicators, "86%" for aggregates',
  )
  display!: string | null;

  @Nullable(
    Float,
    'Rapporto senza limite (indicatori con regola ratio o inverse) / Uncapped ratio (indicators with ratio or inverse rules)',
  )
  attainment!: number | null;

  @Field(() => Float, { nullable: true })
  passMark!: number | null;

  @Nullable(
    Boolean,
    'punteggio ≥ soglia di sufficienza; null senza punteggio o soglia / score ≥ pass mark; null without a score or a pass mark',
  )
  achieved!: boolean | null;

  @Nullable(
    RealizationRule,
    "Regola dell'indicatore (RATIO, BANDS…) o dell'aggregato (MEAN, STRATEGIC…) / Rule of an indicator or an aggregate",
  )
  rule!: string | null;

  @Field({
    description: 'Una riga, es. "ratio: min(11/12, 1) = 91.67%" / One line, e.g. "ratio: min(11/12, 1) = 91.67%"',
  })
  text!: string;

  @Field(() => [String])
  warnings!: string[];

  @Field(() => [String])
  errors!: string[];

  @Field({
    description:
      'Profilo di calcolo che l\'ha prodotto, "nome@versione" / Scoring profile that produced it, "name@version"',
  })
  profile!: string;

  @Field(() => GraphQLJSONObject, {
    description:
      'Dati, target effettivo, formula, figli usati ed esclusi / Inputs, effective target, formula, children used and excluded',
    deprecationReason:
      'Usare `details`, tipizzato; resta per compatibilità / Use `details`, the same explanation typed; kept for compatibility',
  })
  explanation!: Record<string, unknown>;
}
