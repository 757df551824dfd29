/**
 * The GraphQL documents the add-in sends: one fixed selection per use, so answers stay small and predictable.
 *
 * `npm run codegen` reads the /* GraphQL *\/ literals of this file (interpolations erased) and writes their result
 * and variable types into generated.ts; each operation carries those types, so the client cannot send one with the
 * wrong variables or read a field it did not select. A document sent over the wire is its text plus the fragments
 * it spreads, each exactly once (test/addin/operations.test.ts validates every one against the schema).
 */
import type * as Wire from './generated';

/** an operation's text, tagged with its result and variables types (the tags exist only for the compiler) */
export type Operation<Result, Variables> = string & { readonly __result?: Result; readonly __variables?: Variables };

const operation = <Result, Variables>(text: string) => text as Operation<Result, Variables>;

export const PARSED_VALUE_FIELDS = /* GraphQL */ `
  fragment ParsedValueFields on ParsedValue {
    raw
    kind
    number
  }
`;

export const REALIZATION_FIELDS = /* GraphQL */ `
  fragment RealizationFields on Realization {
    status
    score
    display
    text
    errors
    checkpoint
  }
`;

/*
 * The columns of a sheet row, on the schema's SheetRowColumns interface: one fragment serves a sheetRows row
 * (SheetRow) and the server's version of a conflicting row (ConflictRow), which both implement it.
 */
export const SHEET_ROW_FIELDS = /* GraphQL */ `
  fragment SheetRowFields on SheetRowColumns {
    rowId
    rowVersion
    level
    code
    title
    parentId
    weight
    kpi
    unit
    polarity
    rule
    target {
      ...ParsedValueFields
    }
    thresholds {
      score
      value {
        ...ParsedValueFields
      }
    }
    futureTargets {
      year
      value {
        ...ParsedValueFields
      }
    }
    actual {
      ...ParsedValueFields
    }
    neutralised
    neutralisationReason
    note
    responsibleUnits
    dataSource
    updatedAt
  }
`;

/** a plan version as the pane lists it to choose from, and as it reads the chosen one */
export const PLAN_LISTING_FIELDS = /* GraphQL */ `
  fragment PlanListingFields on PlanVersion {
    id
    label
    status
    organisation {
      id
      name
    }
    cycle {
      years
    }
  }
`;

export const PLANS = operation<Wire.PlansQuery, Wire.PlansQueryVariables>(/* GraphQL */ `
  query Plans {
    planVersions {
      ...PlanListingFields
    }
  }
  ${PLAN_LISTING_FIELDS}
`);

/** who the token belongs to: the pane makes the sheet read-only for a viewer (issue 12, defect 6) */
export const ME = operation<Wire.MeQuery, Wire.MeQueryVariables>(/* GraphQL */ `
  query Me {
    me {
      systemAdmin
      memberships {
        organisationId
        role
      }
    }
  }
`);

export const PLAN = operation<Wire.PlanQuery, Wire.PlanQueryVariables>(/* GraphQL */ `
  query Plan($id: ID!) {
    planVersion(id: $id) {
      ...PlanListingFields
      scoringProfile {
        name
        profileVersion
        status
        parameters
      }
    }
    strategicObjectives(filter: { planId: $id }) {
      passMark
    }
  }
  ${PLAN_LISTING_FIELDS}
`);

/**
 * The plan's rows; with `dashboards` (Load and Collega, never with `since`) each cruscotto's rows too, after the
 * plan rows and sharing their row ids (docs/sheet-contract.md, "Cruscotti").
 */
export const SHEET_ROWS = operation<Wire.SheetRowsQuery, Wire.SheetRowsQueryVariables>(/* GraphQL */ `
  query SheetRows(
    $planId: ID!
    $year: Int!
    $checkpoint: Checkpoint!
    $since: DateTimeISO
    $after: String
    $dashboards: Boolean!
    $scope: SheetScopeInput
  ) {
    sheetRows(
      planId: $planId
      year: $year
      checkpoint: $checkpoint
      since: $since
      after: $after
      dashboards: $dashboards
      scope: $scope
    ) {
      rows {
        ...SheetRowFields
        actionLabel
        dashboard
        dashboardKind
        dashboardOwner
        position
        entryLevel
        entryWeight
        entryDataSource
        realization {
          ...RealizationFields
        }
      }
      deletedRowIds
      serverTime
      cursor
    }
  }
  ${SHEET_ROW_FIELDS}
  ${PARSED_VALUE_FIELDS}
  ${REALIZATION_FIELDS}
`);

/** every row's realization only: what "Refresh scores" needs besides the changed rows */
export const REALIZATIONS = operation<Wire.RealizationsQuery, Wire.RealizationsQueryVariables>(/* GraphQL */ `
  query Realizations($planId: ID!, $year: Int!, $checkpoint: Checkpoint!, $scope: SheetScopeInput) {
    sheetRows(planId: $planId, year: $year, checkpoint: $checkpoint, scope: $scope) {
      rows {
        rowId
        realization {
          ...RealizationFields
        }
      }
      deletedRowIds
      serverTime
    }
  }
  ${REALIZATION_FIELDS}
`);

/**
 * The rows' scores alone: every row's, or with `after` (the last answer's cursor) only those that moved since
 * (sync/score-memory.ts). `complete` says which.
 */
export const SHEET_SCORES = operation<Wire.SheetScoresQuery, Wire.SheetScoresQueryVariables>(/* GraphQL */ `
  query SheetScores($planId: ID!, $year: Int!, $checkpoint: Checkpoint!, $after: String, $scope: SheetScopeInput) {
    sheetScores(planId: $planId, year: $year, checkpoint: $checkpoint, after: $after, scope: $scope) {
      rows {
        rowId
        realization {
          ...RealizationFields
        }
      }
      complete
      cursor
    }
  }
  ${REALIZATION_FIELDS}
`);

export const SYNC_ROWS = operation<Wire.SyncRowsMutation, Wire.SyncRowsMutationVariables>(/* GraphQL */ `
  mutation SyncRows($input: SyncBatchInput!) {
    syncRows(input: $input) {
      replayed
      applied
      rows {
        index
        clientRef
        rowId
        status
        rowVersion
        errors {
          column
          code
          message
          messageIt
        }
        current {
          ...SheetRowFields
          changedBy
          changedAt
        }
        realization {
          ...RealizationFields
        }
      }
      affected {
        id
        level
        code
        realization {
          ...RealizationFields
        }
      }
    }
  }
  ${SHEET_ROW_FIELDS}
  ${PARSED_VALUE_FIELDS}
  ${REALIZATION_FIELDS}
`);

/** the plan's polarity findings (issue 14, item 2): what the controller confirms, one click for all */
export const POLARITY_FINDINGS = operation<Wire.PolarityFindingsQuery, Wire.PolarityFindingsQueryVariables>(
  /* GraphQL */ `
    query PolarityFindings($planId: ID!) {
      planLint(planId: $planId) {
        code
        subjectId
        subjectCode
        messageIt
        message
      }
    }
  `,
);

export const CONFIRM_POLARITIES = operation<Wire.ConfirmPolaritiesMutation, Wire.ConfirmPolaritiesMutationVariables>(
  /* GraphQL */ `
    mutation ConfirmPolarities($planId: ID!, $acceptSuggestions: Boolean!) {
      confirmPolarities(planId: $planId, all: true, acceptSuggestions: $acceptSuggestions) {
        id
        polarity
      }
    }
  `,
);

/** A colleague's change to the bound plan, pushed over the websocket (api/live.ts): the rows and the scores it moved. */
export const PLAN_CHANGED = operation<Wire.PlanChangedSubscription, Wire.PlanChangedSubscriptionVariables>(
  /* GraphQL */ `
    subscription PlanChanged($planId: ID!, $year: Int!, $checkpoint: Checkpoint!) {
      planChanged(planId: $planId, year: $year, checkpoint: $checkpoint) {
        subscribed
        changedBy
        at
        source
        rows {
          rowId
          rowVersion
        }
        deletedRowIds
        scores {
          id
          realization {
            ...RealizationFields
          }
        }
      }
    }
    ${REALIZATION_FIELDS}
  `,
);
