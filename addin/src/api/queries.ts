/** The GraphQL documents the add-in sends: one fixed selection per use, so answers stay small and predictable. */
const VALUE = 'raw kind number';
const REALIZATION = 'status score display text';

export const ROW_FIELDS = `rowId rowVersion level code title parentId weight kpi unit polarity rule
  target { ${VALUE} } thresholds { score value { ${VALUE} } } futureTargets { year value { ${VALUE} } }
  actual { ${VALUE} } neutralised neutralisationReason note responsibleUnits updatedAt`;

export const PLANS = `query Plans { planVersions { id label status organisation { id name } cycle { years } } }`;

export const PLAN = `query Plan($id: ID!) { planVersion(id: $id) {
  id label status organisation { id name } cycle { years }
  scoringProfile { name profileVersion status parameters } }
  strategicObjectives(filter: { planId: $id }) { passMark } }`;

export const SHEET_ROWS = `query SheetRows($planId: ID!, $year: Int!, $checkpoint: Checkpoint!, $since: DateTimeISO) {
  sheetRows(planId: $planId, year: $year, checkpoint: $checkpoint, since: $since) {
    rows { ${ROW_FIELDS} realization { ${REALIZATION} } } deletedRowIds serverTime } }`;

/** every row's realization only: what "Refresh scores" needs besides the changed rows */
export const REALIZATIONS = `query Realizations($planId: ID!, $year: Int!, $checkpoint: Checkpoint!) {
  sheetRows(planId: $planId, year: $year, checkpoint: $checkpoint) {
    rows { rowId realization { ${REALIZATION} } } deletedRowIds serverTime } }`;

export const SYNC_ROWS = `mutation SyncRows($input: SyncBatchInput!) { syncRows(input: $input) {
  replayed applied
  rows { index clientRef rowId status rowVersion errors { column code message messageIt }
    current { ${ROW_FIELDS} changedBy changedAt } realization { ${REALIZATION} } }
  affected { id level code realization { ${REALIZATION} } } } }`;
