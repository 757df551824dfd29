/**
 * The documents of the ribbon's and the formulas' features (issue 18): the values of many formula cells by code
 * (one request however many cells), a row's explanation ("Perché?") and its history ("Cronologia"). Kept apart from
 * queries.ts so the sheet's own documents stay one file; codegen and the trusted documents read both.
 */
import type * as Wire from './generated';
import type { Operation } from './queries';

const operation = <Result, Variables>(text: string) => text as Operation<Result, Variables>;

/** every cell of a recalculation in one request; each answer says its own problem (unknown code, no plan) */
export const CODE_VALUES = operation<Wire.CodeValuesQuery, Wire.CodeValuesQueryVariables>(/* GraphQL */ `
  query CodeValues($requests: [CodeValueRequest!]!) {
    codeValues(input: { requests: $requests }) {
      planId
      code
      year
      checkpoint
      rowId
      level
      problem
      actual {
        raw
        kind
        number
        date
        boolean
      }
      target {
        raw
        kind
        number
        date
        boolean
      }
      realization {
        status
        score
        display
        achieved
      }
    }
  }
`);

export const EXPLANATION_FIELDS = /* GraphQL */ `
  fragment ExplanationFields on Realization {
    status
    score
    display
    details {
      rule
      mode
      status
      text
      formula
      profile
      polarity
      polarityInferred
      notCompleted
      neutralisationReason
      warnings
      errors
      actual {
        raw
      }
      target {
        value {
          raw
        }
        original {
          raw
        }
        revision
        mode
      }
      thresholds {
        number
        date
        score
      }
      used {
        code
        score
        weight
      }
      excluded {
        code
        reason
      }
      manual {
        score
        author
        justification
      }
    }
  }
`;

/** "Perché?": why the selected row's % is what it is, for the bound year and checkpoint */
export const ROW_EXPLANATION = operation<Wire.RowExplanationQuery, Wire.RowExplanationQueryVariables>(/* GraphQL */ `
  query RowExplanation($rowId: ID!, $year: Int!, $checkpoint: Checkpoint!) {
    node(id: $rowId) {
      ... on Scored {
        realization(year: $year, checkpoint: $checkpoint) {
          ...ExplanationFields
        }
      }
    }
  }
  ${EXPLANATION_FIELDS}
`);

/** "Cronologia": who changed which cell of the row, when and from where, newest first */
export const ROW_HISTORY = operation<Wire.RowHistoryQuery, Wire.RowHistoryQueryVariables>(/* GraphQL */ `
  query RowHistory($planId: ID!, $rowId: ID!, $year: Int!, $checkpoint: Checkpoint!) {
    rowHistoryConnection(planId: $planId, rowId: $rowId, year: $year, checkpoint: $checkpoint, first: 50) {
      totalCount
      edges {
        node {
          entityType
          action
          actor
          at
          source
          sourceDetail
          before
          after
        }
      }
    }
  }
`);

/**
 * who last changed each field of many rows, and when: the authors of every conflicting cell of a Sync, Refresh or
 * live change, all rows in one request (at most a sync batch of them)
 */
export const LAST_FIELD_CHANGES = operation<Wire.LastFieldChangesQuery, Wire.LastFieldChangesQueryVariables>(
  /* GraphQL */ `
    query LastFieldChanges($planId: ID!, $rowIds: [ID!]!, $year: Int!, $checkpoint: Checkpoint!) {
      lastFieldChanges(planId: $planId, rowIds: $rowIds, year: $year, checkpoint: $checkpoint) {
        rowId
        changes {
          entityType
          field
          actor
          at
        }
      }
    }
  `,
);

/** "Annulla l'ultimo invio" (issue 18, item 6): one batch of the last Sync reverted, or the rows that stop it */
export const UNDO_SYNC_BATCH = operation<Wire.UndoSyncBatchMutation, Wire.UndoSyncBatchMutationVariables>(
  /* GraphQL */ `
    mutation UndoSyncBatch($input: UndoSyncBatchInput!) {
      undoSyncBatch(input: $input) {
        undone
        rowIds
        removedRowIds
        reverted
        refusals {
          rowId
          code
          reasonIt
          reason
          changedBy
          changedAt
          source
        }
      }
    }
  `,
);

/**
 * what a new binding may be scoped to (issue 18, item 7): the units and cruscotti the server accepts from this user
 * (a unit editor: their own units and the cruscotti those own), by the rule that checks the scope
 */
export const SHEET_SCOPES = operation<Wire.SheetScopesQuery, Wire.SheetScopesQueryVariables>(/* GraphQL */ `
  query SheetScopes($planId: ID!) {
    bindableScopes(planId: $planId) {
      limitedToOwnUnits
      units {
        id
        name
      }
      dashboards {
        id
        name
      }
    }
  }
`);
