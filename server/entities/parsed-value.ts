import { Field, Float, ObjectType } from 'type-graphql';
import type { ParsedValue } from '@core/values/types';
import { Comparator, ParsedValueKind, PlaceholderKind } from '@core/vocabulary/results';

/**
 * A value with the text it was read from. GraphQL has no union of scalars, so the parsed value is offered as
 * `number`, `date` or `boolean` according to its kind (resolved in ParsedValueResolver).
 */
@ObjectType('ParsedValue', {
  simpleResolvers: true,
  description:
    'Un valore scritto o importato: il testo esatto e che cosa significa / A typed or imported value: the raw text exactly as entered and what it means',
})
export class ParsedValueType {
  @Field({ description: 'Esattamente come scritto o importato / Exactly as typed or imported' })
  raw!: string;

  @Field(() => ParsedValueKind, { description: 'Che cosa è il valore / What the value turned out to be' })
  kind!: string;

  @Field(() => String, { nullable: true })
  unit?: string;

  @Field(() => Comparator, {
    nullable: true,
    description: 'Confronto scritto prima del numero / Comparison before the number',
  })
  comparator?: string;

  @Field(() => PlaceholderKind, {
    nullable: true,
    description: 'La parola al posto del valore / The word standing for a value',
  })
  placeholder?: string;

  @Field(() => [String])
  warnings!: string[];
}

/** One threshold point: reaching `value` earns `score` (Sondrio "soglia 80%" → score 0.8). */
@ObjectType('Threshold', { simpleResolvers: true })
export class ThresholdType {
  @Field(() => ParsedValueType)
  value!: ParsedValue;

  @Field(() => Float, {
    description: 'Punteggio in [0, 1] ottenuto raggiungendo il valore / Score in [0, 1] earned by reaching the value',
  })
  score!: number;
}

export type StoredThreshold = { value: ParsedValue; score: number };
