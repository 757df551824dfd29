import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Nullable } from '../nullable';
import { Optional } from '../inputs/fields';
import { AnswerType } from '../answer-type';
import { BilingualMessage } from './bilingual-message';

export enum ReviewEntryKind {
  READ = 'read',
  INFERRED = 'inferred',
  UNREADABLE = 'unreadable',
  WARNING = 'warning',
}
registerEnumType(ReviewEntryKind, {
  name: 'ReviewEntryKind',
  description:
    "Che cosa ha fatto un'importazione con una parte del documento / What an import did with a piece of the document",
});

@InputType({
  description:
    'Un documento di piano da importare (testo semplice estratto dal PDF o dal foglio) / A plan document to import (plain text as extracted from the PDF or sheet)',
})
export class ImportPlanInput {
  @Optional(
    String,
    'sondrio, brescia, bergamo-2020, bergamo-2021; riconosciuto dal testo se assente / sondrio, brescia, bergamo-2020, bergamo-2021; recognised from the text when absent',
  )
  format?: string | null;

  @Field({
    description:
      'Nome del file caricato, tenuto nel registro delle modifiche / Name of the uploaded file, kept in the audit trail',
  })
  fileName!: string;

  @Field({
    description:
      'Il testo, al massimo 2 MB e 50.000 righe, senza caratteri di controllo / The text, at most 2 MB and 50,000 lines, without control characters',
  })
  content!: string;

  @Optional(
    ID,
    'Importa in questa organizzazione invece che in quella del documento / Import into this organisation instead of the one the document names',
  )
  orgId?: string | null;

  @Field({
    defaultValue: false,
    description: 'Solo lettura e controllo: non si scrive nulla / Read and check only: nothing is written',
  })
  dryRun!: boolean;

  @Field({
    defaultValue: false,
    description:
      'Un file cambiato per una versione esistente diventa una nuova revisione (mai una sovrascrittura) / A changed file for an existing plan version becomes a new revision (never an overwrite)',
  })
  replace!: boolean;
}

@AnswerType(
  "Un rilievo di un'importazione, con la riga del testo su cui si fonda / One finding of an import, with the source line it rests on",
  { name: 'ReviewEntry' },
)
export class ReviewEntryType extends BilingualMessage {
  // the enum's values as strings: the import's review kinds must each be one (checked where results are built)
  @Field(() => ReviewEntryKind) kind!: `${ReviewEntryKind}`;
  @Field({
    description:
      'Codice, es. POLARITY_INFERRED, ROW_LOST, WEIGHT_MISSING / Machine code, e.g. POLARITY_INFERRED, ROW_LOST, WEIGHT_MISSING',
  })
  code!: string;
  @Nullable(Int, 'Riga del testo (da 1) / 1-based line of the source text') line!: number | null;
  @Field({ description: 'Il testo su cui si fonda il rilievo / The text the finding rests on' }) evidence!: string;
  @Field(() => String, { nullable: true }) subject!: string | null;
}

@ObjectType('ReviewCounts', { simpleResolvers: true })
export class ReviewCountsType {
  @Field(() => Int) read!: number;
  @Field(() => Int) inferred!: number;
  @Field(() => Int) unreadable!: number;
  @Field(() => Int) warning!: number;
}

@AnswerType(
  "Il rapporto di revisione di un'importazione: che cosa è stato letto, dedotto, non letto / The review report of an import: what was read, inferred, not readable",
  { name: 'ReviewReport' },
)
export class ReviewReportType {
  @Field(() => [ReviewEntryType]) entries!: ReviewEntryType[];
  @Field(() => ReviewCountsType) counts!: ReviewCountsType;
}

@ObjectType({ simpleResolvers: true })
export class ImportPlanResult {
  @Nullable(
    ID,
    'La versione del piano creata, o quella che questo file già è; null in prova / The plan version created, or the one this file already is; null on a dry run',
  )
  planId!: string | null;
  @Field() created!: boolean;
  @Field({
    description:
      'Vero se proprio questo file (stesso sha256) era già stato importato: nulla è cambiato / True when this very file (same sha256) was imported before: nothing changed',
  })
  alreadyImported!: boolean;
  @Field(() => Int, { nullable: true }) revision!: number | null;
  @Field() format!: string;
  @Field() sha256!: string;
  @Field() message!: string;
  @Field(() => ReviewReportType) review!: ReviewReportType;
}
