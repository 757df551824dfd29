import { FieldResolver, Resolver, Root } from 'type-graphql';
import { explanationView, type ExplanationView } from '../services/explanation-view';
import type { RealizationView } from '../services/realization-view';
import { Explanation } from './types/explanation';
import { Realization } from './types/realization';

/** `Realization.details`: the explanation typed, built only when a client asks for it (a plan tree rarely does). */
@Resolver(() => Realization)
export class ExplanationResolver {
  @FieldResolver(() => Explanation, {
    description:
      'Perché il punteggio è quello che è, tipizzato / Why the score is what it is, typed (replaces `explanation`)',
  })
  details(@Root() realization: RealizationView): ExplanationView {
    return explanationView(realization.explanation);
  }
}
