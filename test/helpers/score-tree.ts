/** Every score a plan shows, in one read: the tree, the cruscotti and the people (for comparing two servers). */
const REALIZATION = 'status score display text profile';
export const SCORE_TREE = /* GraphQL */ `
  query Tree($id: ID!) {
    planVersion(id: $id) {
      realization(year: 2022) { ${REALIZATION} }
      perspectives {
        realization(year: 2022) { ${REALIZATION} }
        strategicObjectives {
          code realization(year: 2022) { ${REALIZATION} }
          operationalObjectives {
            code realization(year: 2022) { ${REALIZATION} }
            indicators { id code realization(year: 2022) { ${REALIZATION} } }
          }
        }
      }
      dashboards { name realization(year: 2022) { ${REALIZATION} } }
    }
    people { fullName realization(planId: $id, year: 2022) { ${REALIZATION} } }
  }
`;

/** Every figure of a plan's performance report, for comparing what two servers answer (a query spreads it). */
export const REPORT_FIGURES = /* GraphQL */ `
  fragment ReportFigures on PerformanceReport {
    title
    profile
    total {
      realization
    }
    rows {
      level
      code
      title
      actual
      target
      realization
      status
      excluded
      note
    }
  }
`;
