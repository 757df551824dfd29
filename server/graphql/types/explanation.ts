import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Polarity, RevisionKind, TargetMode } from '@core/vocabulary/enums';
import { RealizationRule, RuleMode, ScoreStatus, Weighting } from '@core/vocabulary/results';
import { ParsedValueType } from '../../entities/parsed-value';
import { Nullable } from '../nullable';
import { AnswerType } from '../answer-type';

/** The typed explanation of a score (issue 19), mapped by server/services/explanation-view.ts. */
const it_en = (it: string, en: string) => `${it} / ${en}`;

@AnswerType(it_en('Il target usato e la sua revisione', 'The target used and its revision'))
export class ExplainedTarget {
  @Field(() => ParsedValueType, {
    description: it_en('Il target effettivo, come scritto', 'The effective target, as typed'),
  })
  value!: unknown;

  @Field(() => TargetMode, { description: it_en('Valutato o solo monitorato', 'Scored or monitoring only') })
  mode!: string;

  @Field(() => RevisionKind, {
    description: it_en('Originale o nuova previsione', 'Original or revised ("nuova previsione")'),
  })
  revision!: string;

  @Nullable(
    ParsedValueType,
    it_en(
      'Il target originale quando una revisione lo ha sostituito',
      'The original target when a revision replaced it',
    ),
  )
  original!: unknown;
}

@AnswerType(it_en('Una soglia: il valore e il punteggio che dà', 'A threshold: the value and the score it earns'))
export class ExplainedThreshold {
  @Nullable(Float, it_en('Il valore, se numerico', 'The value, when a number'))
  number!: number | null;

  @Nullable(String, it_en('Il valore, se una data (AAAA-MM-GG)', 'The value, when a date (YYYY-MM-DD)'))
  date!: string | null;

  @Field(() => Float, {
    description: it_en('Punteggio in [0, 1] raggiunto il valore', 'Score in [0, 1] earned by reaching it'),
  })
  score!: number;
}

@AnswerType(it_en('Il punteggio manuale e la sua motivazione', 'The manual score and its justification'))
export class ExplainedManual {
  @Nullable(Float, it_en('Punteggio assegnato', 'Score given'))
  score!: number | null;

  @Nullable(String, it_en('Motivazione', 'Justification'))
  justification!: string | null;

  @Nullable(String, it_en('Chi lo ha assegnato', 'Who gave it'))
  author!: string | null;

  @Nullable(String, it_en('Quando (ISO 8601)', 'When (ISO 8601)'))
  at!: string | null;
}

/** A child as the explanation names it, counted or left out: its id and code (a base class, not in the schema) */
@ObjectType({ simpleResolvers: true })
abstract class ExplainedChild {
  @Field(() => ID, { description: it_en("L'id dell'elemento", "The child's id") })
  id!: string;

  @Nullable(String, it_en('Il suo codice', 'Its code'))
  code!: string | null;
}

@AnswerType(it_en('Un elemento contato nel calcolo', 'A child counted in the score'))
export class UsedChild extends ExplainedChild {
  @Nullable(Float, it_en('Peso dichiarato; null se i pesi sono uguali', 'Declared weight; null when equal'))
  weight!: number | null;

  @Field(() => Float, { description: it_en('Il suo punteggio', 'Its score') })
  score!: number;
}

@AnswerType(it_en('Un elemento escluso dal calcolo, con il motivo', 'A child left out, with why'))
export class ExcludedChild extends ExplainedChild {
  @Field({ description: it_en('Perché è escluso (codice e dettaglio)', 'Why it is left out (code and detail)') })
  reason!: string;
}

@AnswerType(
  it_en(
    'Perché il punteggio è quello che è: regola, input, target, soglie, formula, elementi usati ed esclusi',
    'Why a score is what it is: rule, inputs, target, thresholds, formula, children used and excluded (docs/scoring.md §5.12)',
  ),
)
export class Explanation {
  @Field(() => ScoreStatus, { description: it_en('Stato del punteggio', 'Status of the score') })
  status!: string;

  @Nullable(RealizationRule, it_en('La regola applicata', 'The rule applied'))
  rule!: string | null;

  @Nullable(RuleMode, it_en('La variante della regola', 'The variant of the rule'))
  mode!: string | null;

  @Nullable(Polarity, it_en('Polarità (indicatori)', 'Polarity (indicators)'))
  polarity!: string | null;

  @Field({
    description: it_en(
      'Polarità dedotta dai valori, non confermata',
      'Polarity inferred from the values, not confirmed',
    ),
  })
  polarityInferred!: boolean;

  @Nullable(String, it_en('Da che cosa è dedotta (italiano / inglese)', 'What it was inferred from'))
  polarityEvidence!: string | null;

  @Nullable(ParsedValueType, it_en('Il valore rilevato', 'The actual value'))
  actual!: unknown;

  @Nullable(ExplainedTarget, it_en('Il target effettivo', 'The effective target'))
  target!: ExplainedTarget | null;

  @Field(() => [ExplainedThreshold], {
    description: it_en(
      'Soglie, dal punteggio più alto (target incluso)',
      'Thresholds, highest score first (target included)',
    ),
  })
  thresholds!: ExplainedThreshold[];

  @Nullable(ExplainedManual, it_en('Il punteggio manuale', 'The manual score'))
  manual!: ExplainedManual | null;

  @Field({ description: it_en('Progetto non completato', 'Project not completed') })
  notCompleted!: boolean;

  @Nullable(String, it_en('Motivo della neutralizzazione', 'Why it was neutralised'))
  neutralisationReason!: string | null;

  @Nullable(Weighting, it_en('Pesi degli elementi (aggregati)', "Children's weighting (aggregates)"))
  weighting!: string | null;

  @Nullable(String, it_en('La formula con i numeri', 'The formula with its numbers'))
  formula!: string | null;

  @Field({ description: it_en('Una riga: regola, formula, risultato', 'One line: rule, formula, result') })
  text!: string;

  @Field(() => [UsedChild], { description: it_en('Elementi contati', 'Children counted') })
  used!: UsedChild[];

  @Field(() => [ExcludedChild], { description: it_en('Elementi esclusi e perché', 'Children left out and why') })
  excluded!: ExcludedChild[];

  @Field(() => [String], { description: it_en('Codici di avviso', 'Warning codes') })
  warnings!: string[];

  @Field(() => [String], { description: it_en('Codici di errore', 'Error codes') })
  errors!: string[];

  @Field({ description: it_en('Profilo di calcolo, "nome@versione"', 'Scoring profile, "name@version"') })
  profile!: string;
}
