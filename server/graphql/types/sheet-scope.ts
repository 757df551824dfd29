import { IsOptional, MaxLength } from 'class-validator';
import { ID, InputType } from 'type-graphql';
import { Optional } from '../inputs/fields';

/** A sheet of one responsible unit or one cruscotto (server/sync/sheet-scope.ts); neither = the whole plan. */
@InputType({
  description:
    "Un foglio di una sola unità responsabile o di un solo cruscotto: i suoi indicatori, con sopra prospettive e obiettivi come contesto in sola lettura; nessuno dei due = l'intero piano / A sheet of one responsible unit or one cruscotto: its indicators, with the perspectives and objectives above them as read-only context; neither = the whole plan",
})
export class SheetScopeInput {
  @Optional(ID, "L'unità responsabile del foglio / The sheet's responsible unit")
  @IsOptional()
  @MaxLength(100)
  unitId?: string | null;

  @Optional(ID, "Il cruscotto del foglio / The sheet's cruscotto")
  @IsOptional()
  @MaxLength(100)
  dashboardId?: string | null;
}
