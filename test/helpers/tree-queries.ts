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
