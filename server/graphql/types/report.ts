import { Field, Float, ID, Int } from 'type-graphql';
import { LintSeverity, LintSubjectType, ReportLevel, ScoreStatus } from '@core/vocabulary/results';
import { Nullable } from '../nullable';
import { AnswerType } from '../answer-type';
import { PeriodAnswer } from './period';

@AnswerType(
  'Una riga di un prospetto della Relazione: Valore ottenuto | Risultato atteso | % Realizzazione / A row of a Relazione table: Valore ottenuto | Risultato atteso | % Realizzazione',
)
export class ReportRow {
  @Field(() => ReportLevel, { description: 'Livello della riga / Level of the row' }) level!: string;
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) kpi!: string | null;
  @Nullable(String, 'Valore ottenuto, come inserito / Valore ottenuto, as entered')
  actual!: string | null;
  @Nullable(
    String,
    'Risultato atteso: il target effettivo, come inserito / Risultato atteso: the effective target, as entered',
  )
  target!: string | null;
  @Nullable(
    String,
    '% Realizzazione come mostrata; vuota se non valutata (le righe di monitoraggio ripetono il valore) / % Realizzazione as displayed; blank when not scored (monitoring rows repeat their value)',
  )
  realization!: string | null;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => ScoreStatus, { description: 'Stato del punteggio / Status of the score' }) status!: string;
  @Field({ description: "Non contato nell'aggregato sopra / Not counted in the aggregate above it" })
  excluded!: boolean;
  @Nullable(
    String,
    'Perché la riga è vuota (un punteggio non valido nomina i suoi errori) o che cosa esclude il suo %; in inglese / Why the row is blank (an invalid score names its errors) or what its % leaves out; English',
  )
  note!: string | null;
  @Nullable(
    String,
    'La stessa nota in italiano, come la stampano i documenti / The same note in Italian, as the documents print it',
  )
  noteIt!: string | null;
  @Nullable(
    Float,
    'Peso dichiarato nel livello sopra (punti percentuali); vuoto con pesi uguali / Declared weight in the parent (percentage points); blank when equal weights',
  )
  weight!: number | null;
}

@AnswerType(
  'Prospetto di fine anno di un piano o cruscotto, nella forma della Relazione sulla Performance / Year-end table of a plan or dashboard, in the shape of a Relazione sulla Performance',
)
export class PerformanceReport extends PeriodAnswer {
  @Field() title!: string;
  @Field({ description: 'Profilo di calcolo, "nome@versione" / Scoring profile, "name@version"' }) profile!: string;
  @Field(() => [ReportRow], {
    description: 'Le righe del prospetto, tutte / Every row of the table',
    deprecationReason: 'Usare rowsConnection / Use rowsConnection',
  })
  rows!: ReportRow[];
  @Nullable(ReportRow, 'Il totale del piano o del cruscotto / The plan or dashboard total')
  total!: ReportRow | null;
}

@AnswerType(
  'Qualcosa che renderebbe i punteggi sbagliati o impossibili / Something that would make scores wrong or impossible',
)
export class LintIssue {
  @Field() code!: string;
  @Field(() => LintSeverity, { description: 'Gravità / Severity' }) severity!: string;
  @Field(() => LintSubjectType, { description: 'Di che cosa parla / What it is about' }) subjectType!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => String, { nullable: true }) subjectCode!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field({
    description: 'Che cosa non va e come correggerlo, in inglese / What is wrong and the fix to apply, in English',
  })
  message!: string;
  @Field({
    description: 'Che cosa non va e come correggerlo, in italiano / What is wrong and the fix to apply, in Italian',
  })
  messageIt!: string;
}
