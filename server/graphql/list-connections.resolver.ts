import { Arg, Args, type ClassType, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';
import { lintOfPlan } from './report.resolver';
import { readRowHistory } from '../sync/row-history';
import { type Connection, connectionOf } from './connection';
import type { Context } from './context';
import { auditPage, AuditEventOrder } from './orders';
import { asListed, byNumber, byPlace, byWords, listOrdering, type OrderChoice } from './orderings';
import { OrderBy, OrderDirection, PageArgs } from './paging';
import { LintIssue, PerformanceReport, ReportRow } from './types/report';
import { RowChange } from './types/sync';
import { OrganisationMember } from './types/users';
import { membersOf } from './users.resolver';

/*
 * Relay connections over the lists that are not one entity's rows (issue 19): members of an organisation, rows of a
 * report, lint findings, the history of a sheet row. Each reads its list as the plain field does — the same
 * statements, however long the list — and pages it; the plain fields stay, deprecated, for the clients that read them.
 */

const MemberConnection = connectionOf(OrganisationMember, 'OrganisationMember');
const ReportRowConnection = connectionOf(ReportRow, 'ReportRow');
const LintIssueConnection = connectionOf(LintIssue, 'LintIssue');
const RowChangeConnection = connectionOf(RowChange, 'RowChange');

const MEMBERS = listOrdering<OrganisationMember>(
  'OrganisationMember',
  {
    NAME: { it: 'nome', en: 'name', value: (m) => m.name, compare: byWords },
    EMAIL: { it: 'indirizzo e-mail', en: 'e-mail address', value: (m) => m.email, compare: byWords },
  },
  { field: 'NAME', direction: OrderDirection.ASC },
  (m) => m.id,
);

const REPORT_ROWS = listOrdering<ReportRow>(
  'ReportRow',
  {
    POSITION: asListed(
      "ordine del documento (l'albero del piano, in ordine di codice)",
      "the document's order (the plan's tree, in code order)",
    ),
    SCORE: { it: 'punteggio (vuoti per primi)', en: 'score (blanks first)', value: (r) => r.score, compare: byNumber },
  },
  { field: 'POSITION', direction: OrderDirection.ASC },
  // a row's place in the document: the same indicator may stand under two dashboards' headings
  byPlace,
);

const LINT_ISSUES = listOrdering<LintIssue>(
  'LintIssue',
  {
    POSITION: asListed(
      'ordine del controllo (prima gli errori, poi per riga del piano)',
      "the lint's order (errors first, then by plan row)",
    ),
  },
  { field: 'POSITION', direction: OrderDirection.ASC },
  byPlace,
);

@Resolver(() => PerformanceReport)
export class ReportRowsResolver {
  @FieldResolver(() => ReportRowConnection, {
    description:
      'Le righe del prospetto a pagine Relay, nello stesso ordine di rows / The rows as a Relay connection, in the order of rows',
  })
  rowsConnection(
    @Root() report: PerformanceReport,
    @Args(() => PageArgs) page: PageArgs,
    @OrderBy(() => REPORT_ROWS.orderInput)
    orderBy: OrderChoice | null,
  ): Connection<ReportRow> {
    return REPORT_ROWS.page(report.rows, orderBy, page);
  }
}

/**
 * A root query over a list computed whole by one id (its argument `by`): the list read as its plain field reads it,
 * then paged in its ordering. One resolver a list, as the plan moves are (profiles.resolver.ts).
 */
function wholeListConnection<T extends object>(list: {
  name: string;
  description: string;
  connection: ClassType<Connection<T>>;
  ordering: ReturnType<typeof listOrdering<T>>;
  by: { name: string; description: string };
  read: (ctx: Context, id: string) => Promise<T[]>;
}): ClassType<object> {
  @Resolver()
  class WholeListConnection {
    @Query(() => list.connection, { name: list.name, description: list.description })
    async connection(
      @Arg(list.by.name, () => ID, { description: list.by.description }) id: string,
      @Args(() => PageArgs) page: PageArgs,
      @OrderBy(() => list.ordering.orderInput)
      orderBy: OrderChoice | null,
      @Ctx() ctx: Context,
    ): Promise<Connection<T>> {
      return list.ordering.page(await list.read(ctx, id), orderBy, page);
    }
  }
  return WholeListConnection;
}

export const WHOLE_LIST_CONNECTIONS: ClassType<object>[] = [
  wholeListConnection({
    name: 'usersConnection',
    description:
      "I membri di un'organizzazione con ruoli e token, a pagine (amministratori di quella organizzazione) / The members of an organisation with their roles and tokens, as a Relay connection (admins of that organisation)",
    connection: MemberConnection,
    ordering: MEMBERS,
    by: { name: 'organisationId', description: "L'organizzazione / The organisation" },
    read: membersOf,
  }),
  wholeListConnection({
    name: 'planLintConnection',
    description:
      'Che cosa renderebbe sbagliati o impossibili i punteggi di una versione del piano, a pagine / What would make the scores of a plan version wrong or impossible, as a Relay connection',
    connection: LintIssueConnection,
    ordering: LINT_ISSUES,
    by: { name: 'planId', description: 'La versione del piano / The plan version' },
    read: lintOfPlan,
  }),
];

@Resolver()
export class ListConnectionsResolver {
  @Query(() => RowChangeConnection, {
    description:
      'Ogni modifica a una riga del foglio (nodo, target e valore del periodo), a pagine, dalla più recente / Every change to a sheet row, as a Relay connection, newest first',
  })
  async rowHistoryConnection(
    @Arg('rowId', () => ID, { description: 'La riga del foglio / The sheet row' }) rowId: string,
    @Arg('planId', () => ID, { description: 'La versione del piano / The plan version' }) planId: string,
    @Arg('year', () => Int, { description: 'Anno / Year' }) year: number,
    @Arg('checkpoint', () => Checkpoint, { defaultValue: Checkpoint.YEAR_END, description: 'Scadenza / Checkpoint' })
    checkpoint: Checkpoint,
    @Args(() => PageArgs) page: PageArgs,
    @OrderBy(() => AuditEventOrder)
    orderBy: AuditEventOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<RowChange>> {
    return readRowHistory(
      ctx,
      { planId, rowId, year, checkpoint },
      (ids) => auditPage(ctx, { entityId: { $in: ids } }, orderBy, page),
      (events) => events.totalCount,
    );
  }
}
