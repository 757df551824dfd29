import { FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { ParsedValue } from '@core/values/types';
import { ParsedValueType } from '../entities/parsed-value';

/** Offers the parsed value in the GraphQL scalar that fits its kind. */
@Resolver(() => ParsedValueType)
export class ParsedValueResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Conteggi, punti percentuali, euro, giorni / Counts, percent points, euro, days',
  })
  number(@Root() value: ParsedValue): number | null {
    return typeof value.value === 'number' ? value.value : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Data ISO AAAA-MM-GG / ISO date YYYY-MM-DD' })
  date(@Root() value: ParsedValue): string | null {
    return value.kind === 'date' && typeof value.value === 'string' ? value.value : null;
  }

  @FieldResolver(() => Boolean, { nullable: true })
  boolean(@Root() value: ParsedValue): boolean | null {
    return typeof value.value === 'boolean' ? value.value : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Un numero trovato in un testo libero, da confermare / A number found in free text, awaiting confirmation',
  })
  proposedNumber(@Root() value: ParsedValue): number | null {
    return value.proposal?.value ?? null;
  }
}
