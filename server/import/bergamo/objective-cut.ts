/**
 * The arithmetic of attributing Bergamo 2020 rows to the objectives printed after them (attribute-objectives.ts): a
 * dashboard lists its rows in objective-code order, so the rows of a page block are cut into consecutive runs, one
 * per objective in code order, and the cut with the most evidence wins. Kept apart so it stays pure and testable.
 */

const NEVER = -1e9;

export interface Cut {
  score: number;
  /** objective index per unit */
  assign: number[];
}

/**
 * Best cut of n units over k objectives, objective j taking a run after objective j-1's. Every objective printed for
 * the block heads at least one unit, unless there are fewer units than objectives. cost[j][u]: evidence that unit u
 * belongs to objective j.
 */
export function bestCut(cost: number[][], n: number, k: number): Cut {
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(-Infinity));
  const from: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(0));
  best[0][0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = 0; i <= n; i++) {
      let acc = 0;
      const lowest = n >= k ? i - 1 : i;
      for (let h = i; h >= 0; h--) {
        if (h < i) acc += cost[j - 1][h];
        if (h > lowest) continue;
        const v = best[h][j - 1] + acc;
        if (v > best[i][j]) {
          best[i][j] = v;
          from[i][j] = h;
        }
      }
    }
  }
  const assign = new Array<number>(n).fill(0);
  let i = n;
  for (let j = k; j >= 1; j--) {
    const h = from[i][j];
    for (let u = h; u < i; u++) assign[u] = j - 1;
    i = h;
  }
  return { score: best[n][k], assign };
}

/** For every unit and objective, the best cut that puts the unit under that objective: how sure each choice is. */
export function forcedScores(cost: number[][], n: number, k: number): number[][] {
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(k).fill(NEVER));
  for (let u = 0; u < n; u++) {
    for (let j = 0; j < k; j++) {
      const forced = cost.map((row, jj) => row.map((c, uu) => (uu === u && jj !== j ? NEVER : c)));
      out[u][j] = bestCut(forced, n, k).score;
    }
  }
  return out;
}

export const IMPOSSIBLE = NEVER / 2;
