import { FieldResolver, Resolver, Root } from 'type-graphql';
import { inTurns } from './in-turns';
import { PerformanceReport, ReportRow } from './types/report';

/**
 * `rows` of a Relazione table, completed a slice per turn of the event loop (in-turns.ts): a big plan's table no
 * longer holds /health while GraphQL writes it out. The field itself (type, description, deprecation) is the one
 * PerformanceReport declares.
 */
@Resolver(() => PerformanceReport)
export class ReportRowsInTurnsResolver {
  @FieldResolver(() => [ReportRow])
  rows(@Root() report: PerformanceReport): Array<ReportRow | Promise<ReportRow>> {
    return inTurns(report.rows);
  }
}
