/**
 * What the tree queries of the statement-count test and the tree benchmark (bench/tree.ts) read of every indicator:
 * its targets with thresholds and revisions, and its actuals. One fragment, so the two measure the same reads.
 */
export const INDICATOR_VALUES = /* GraphQL */ `
  fragment IndicatorValues on Indicator {
    targets {
      year
      thresholds {
        score
        value {
          raw
          number
        }
      }
      effective {
        seq
        value {
          raw
          number
        }
      }
      revisions {
        seq
      }
    }
    measurements {
      year
      checkpoint
      value {
        raw
        number
      }
    }
  }
`;

/**
 * The whole plan tree with the realization of every node and every indicator's values: what the tree benchmark
 * (bench/tree.ts, B2/B6) times, and the answer the kept-answers test proves equal to a computed one.
 */
export const SCORED_PLAN_TREE = /* GraphQL */ `
  query Tree($id: ID!) {
    planVersion(id: $id) {
      id
      label
      realization(year: 2022) {
        score
        display
      }
      perspectives {
        id
        name
        realization(year: 2022) {
          score
          display
        }
        strategicObjectives {
          id
          code
          title
          realization(year: 2022) {
            score
            display
            achieved
          }
          indicators {
            id
            code
          }
          operationalObjectives {
            id
            code
            title
            weight
            realization(year: 2022) {
              score
              display
              text
            }
            responsibleUnits {
              name
            }
            indicators {
              id
              code
              title
              weight
              polarity
              realization(year: 2022) {
                status
                score
                display
                text
              }
              responsibleUnits {
                name
              }
              ...IndicatorValues
            }
          }
        }
      }
    }
  }
  ${INDICATOR_VALUES}
`;
