import { FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { ParsedValue } from '@core/values/types';
import { ParsedValueType } from '../entities/parsed-value';

/**
 * The resolved fields of a parsed value, as plain functions of it: the resolver below answers with them, and the
 * delta read written before execution (delta-read.ts) reads them the same way.
 */
export const PARSED_VALUE_FIELDS = {
  number: (value: ParsedValue): number | null => (typeof value.value === 'number' ? value.value : null),
  date: (value: ParsedValue): string | null =>
    value.kind === 'date' && typeof value.value === 'string' ? value.value : null,
  boolean: (value: ParsedValue): boolean | null => (typeof value.value === 'boolean' ? value.value : null),
  proposedNumber: (value: ParsedValue): number | null => value.proposal?.value ?? null,
};

/** Offers the parsed value in the GraphQL scalar that fits its kind. */
@Resolver(() => ParsedValueType)
export class ParsedValueResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Conteggi, punti percentuali, euro, giorni / Counts, percent points, euro, days',
  })
  number(@Root() value: ParsedValue): number | null {
    return PARSED_VALUE_FIELDS.number(value);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Data ISO AAAA-MM-GG / ISO date YYYY-MM-DD' })
  date(@Root() value: ParsedValue): string | null {
    return PARSED_VALUE_FIELDS.date(value);
  }

  @FieldResolver(() => Boolean, { nullable: true })
  boolean(@Root() value: ParsedValue): boolean | null {
    return PARSED_VALUE_FIELDS.boolean(value);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Un numero trovato in un testo libero, da confermare / A number found in free text, awaiting confirmation',
  })
  proposedNumber(@Root() value: ParsedValue): number | null {
    return PARSED_VALUE_FIELDS.proposedNumber(value);
  }
}
