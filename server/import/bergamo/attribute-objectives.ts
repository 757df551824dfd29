/**
 * Bergamo 2020 (seed 000): which strategic objective each row belongs to. Every dashboard prints its objective labels
 * after a block of rows (000:953-965), and no block of the document has a single objective, so each row is placed by
 * the evidence the whole document offers, weighed together:
 * - order: a dashboard lists its rows in objective-code order (objective-cut.ts), so a row lies between its neighbours;
 * - the same indicator text in the other dashboards (the Segretario Generale's, with nine objectives for twelve rows,
 *   and the Dirigente's pin many of them), and the same action label there;
 * - words shared with the objective's title (weak).
 * The cuts of all blocks are re-run until they agree with each other; then one indicator text is one objective per
 * plan (unless one dashboard prints it twice), and each row gets a confidence: how much worse the best cut putting it
 * elsewhere is. A row whose alternative is close is flagged OBJECTIVE_UNCERTAIN, naming the competing objectives and
 * the evidence for each; the others carry their evidence as an inference only.
 */
import type { ReviewReport } from '../review';
import type { PdfDashboard, PdfRow, PdfSegment } from './pdf-layout';
import { titleKey } from './rows';
import { bestCut, forcedScores, IMPOSSIBLE } from './objective-cut';
import { overlap, stems } from './words-2020';

export interface Attributed {
  row: PdfRow;
  action: PdfRow['action'];
  code: string | null;
  /** the action is only the row above's (a merged cell): no evidence of the objective */
  weakAction?: boolean;
  /** the action is the row below's: a merged cell may or may not start at this row */
  actionFromBelow?: boolean;
}

export interface Block {
  dashboard: PdfDashboard;
  segment: PdfSegment;
  rows: Attributed[];
}

type Titles = Map<string, { title: string; line: number }>;

/** Points of evidence: one other dashboard listing the same indicator under an objective, the same action, a word. */
const SAME_INDICATOR = 10;
const SAME_ACTION = 3;
/** Below this margin over the best alternative, a row is flagged. */
const SURE = 6;
const ROUNDS = 10;

interface Prepared {
  block: Block;
  objectives: PdfSegment['objectives'];
  units: Attributed[][];
  lexical: number[][];
  assign: number[];
}

export function attributeObjectives(blocks: Block[], titles: Titles, review: ReviewReport): void {
  const prepared: Prepared[] = blocks
    .filter((b) => b.segment.objectives.length > 0 && b.rows.length > 0)
    .map((block) => prepare(block, titles));
  // Round 0 is words only; each next round adds what the other blocks currently say, a listing that is itself unsure
  // saying it softly (the Azienda Speciale, with no 1.1 printed, is sure that NIBI's action is 1.2; the strategic and
  // Promozione dashboards, each unsure, must not outvote it by agreeing with each other).
  let margins = new Map<PdfRow, number>();
  for (let round = 0; round < ROUNDS; round++) {
    const votes = round === 0 ? null : tally(prepared);
    const sure = (v: Vote) => ((margins.get(v.row) ?? 0) >= SURE ? 1 : 0.3);
    let changed = false;
    for (const [b, p] of prepared.entries()) {
      const { assign } = bestCut(costOf(p, b, votes, sure), p.units.length, p.objectives.length);
      if (assign.join() !== p.assign.join()) changed = true;
      p.assign = assign;
    }
    if (!changed && round > 0) break;
    margins = marginsOf(prepared, tally(prepared), () => 1);
  }
  const votes = tally(prepared);
  for (const p of prepared)
    p.units.forEach((unit, u) => unit.forEach((a) => (a.code = p.objectives[p.assign[u]].code)));
  // Two listings of one text vote for each other: a vote counts towards confidence only when the other listing stands
  // without this block's vote (000:1052 and 000:2903 both put SUAP under 1.6 on each other's word alone).
  margins = marginsOf(prepared, votes, () => 1);
  for (const [b, p] of prepared.entries()) {
    const cost = costOf(p, b, votes, (v) =>
      (margins.get(v.row) ?? 0) > (v.fromSelf(p) ? SAME_INDICATOR + 2 * SAME_ACTION : 0) ? 1 : 0,
    );
    const forced = forcedScores(cost, p.units.length, p.objectives.length);
    p.units.forEach((unit, u) => {
      const chosen = p.objectives[p.assign[u]];
      const best = forced[u][p.assign[u]];
      const rivals = p.objectives
        .map((o, j) => ({ o, j, gap: best - forced[u][j] }))
        .filter((r) => r.j !== p.assign[u] && forced[u][r.j] > IMPOSSIBLE && r.gap < SURE);
      for (const a of unit) {
        const evidence = evidenceFor(a, chosen.code, b, p, votes);
        const lines = `${p.block.rows[0].row.line}-${p.block.rows[p.block.rows.length - 1].row.line}`;
        const printed = p.objectives.map((o) => o.code).join(', ');
        review.inferred(
          a.row.line,
          `row at line ${a.row.line}`,
          'OBJECTIVE_ATTRIBUTED',
          `Objectives ${printed} are printed after the rows ${lines}: "${a.row.indicator}" is attributed to ${chosen.code} (${rivals.length ? 'uncertain' : 'confident'}: ${evidence.en}).`,
          `Gli obiettivi ${printed} sono stampati dopo le righe ${lines}: "${a.row.indicator}" è attribuito a ${chosen.code} (${rivals.length ? 'incerto' : 'sicuro'}: ${evidence.it}).`,
          evidence.en,
        );
        if (rivals.length === 0) continue;
        const others = rivals.map((r) => ({ code: r.o.code, ev: evidenceFor(a, r.o.code, b, p, votes) }));
        review.warning(
          a.row.line,
          `row at line ${a.row.line}`,
          'OBJECTIVE_UNCERTAIN',
          `"${a.row.indicator}" could belong to ${[chosen.code, ...others.map((o) => o.code)].join(' or ')}: attributed to ${chosen.code} (${evidence.en}); against it, ${others.map((o) => `${o.code}: ${o.ev.en}`).join('; ')}. Check before approval.`,
          `"${a.row.indicator}" può appartenere a ${[chosen.code, ...others.map((o) => o.code)].join(' o ')}: attribuito a ${chosen.code} (${evidence.it}); in alternativa ${others.map((o) => `${o.code}: ${o.ev.it}`).join('; ')}. Verificare prima dell'approvazione.`,
          `${chosen.code} vs ${others.map((o) => o.code).join(', ')}`,
        );
      }
    });
  }
  unify(prepared, review);
}

function marginsOf(prepared: Prepared[], votes: Votes, weight: (v: Vote) => number): Map<PdfRow, number> {
  const margins = new Map<PdfRow, number>();
  for (const [b, p] of prepared.entries()) {
    const forced = forcedScores(costOf(p, b, votes, weight), p.units.length, p.objectives.length);
    p.units.forEach((unit, u) => {
      const gaps = forced[u].map((f, j) => (j === p.assign[u] ? Infinity : forced[u][p.assign[u]] - f));
      for (const a of unit) margins.set(a.row, Math.min(...gaps));
    });
  }
  return margins;
}

function prepare(block: Block, titles: Titles): Prepared {
  const objectives = [...block.segment.objectives]
    .filter((o, i, all) => all.findIndex((x) => x.code === o.code) === i)
    .sort((a, b) => codeOrder(a.code) - codeOrder(b.code));
  // An action's rows stay together, with the rows that continue its merged cell downwards; a row that takes the label
  // of the row below stays free (000:1184 and 000:1070 say nothing of their objective through it).
  const units: Attributed[][] = [];
  for (const a of block.rows) {
    const last = units[units.length - 1];
    const head = last?.[0];
    if (
      head?.action &&
      a.action &&
      !head.actionFromBelow &&
      !a.actionFromBelow &&
      titleKey(head.action.text) === titleKey(a.action.text)
    )
      last.push(a);
    else units.push([a]);
  }
  const lexical = objectives.map((o) => {
    const title = stems(titles.get(o.code)?.title ?? o.title);
    // The action's words count once per unit: a label over three rows is one piece of evidence, not three.
    return units.map(
      (unit) =>
        unit.reduce((s, a) => s + overlap(stems(a.row.indicator), title), 0) +
        overlap(stems(unit[0].action?.text ?? ''), title),
    );
  });
  return { block, objectives, units, lexical, assign: units.map(() => 0) };
}

/** Which objective each indicator text and each action label has in each block, as things stand. */
interface Vote {
  block: number;
  code: string;
  line: number;
  dashboard: string;
  row: PdfRow;
  /** whether the block p lists the same text under this vote's code (so its own vote props this one up) */
  fromSelf: (p: Prepared) => boolean;
}

interface Votes {
  indicator: Map<string, Vote[]>;
  action: Map<string, Vote[]>;
}

function tally(prepared: Prepared[]): Votes {
  const votes: Votes = { indicator: new Map(), action: new Map() };
  const add = (map: Votes['indicator'], key: string, v: Vote) => {
    const list = map.get(key) ?? [];
    if (!list.some((x) => x.block === v.block && x.code === v.code)) list.push(v);
    map.set(key, list);
  };
  prepared.forEach((p, block) =>
    p.units.forEach((unit, u) => {
      const code = p.objectives[p.assign[u]].code;
      const dashboard = p.block.dashboard.dashboard.name;
      for (const a of unit) {
        const key = titleKey(a.row.indicator);
        const fromSelf = (other: Prepared) =>
          other.units.some(
            (un, k) =>
              other.objectives[other.assign[k]].code === code && un.some((x) => titleKey(x.row.indicator) === key),
          );
        add(votes.indicator, key, { block, code, line: a.row.line, dashboard, row: a.row, fromSelf });
        if (a.action && !a.weakAction)
          add(votes.action, titleKey(a.action.text), {
            block,
            code,
            line: a.row.line,
            dashboard,
            row: a.row,
            fromSelf: () => false,
          });
      }
    }),
  );
  return votes;
}

function costOf(p: Prepared, self: number, votes: Votes | null, weight: (v: Vote) => number): number[][] {
  return p.objectives.map((o, j) =>
    p.units.map((unit, u) => {
      let s = p.lexical[j][u];
      if (!votes) return s;
      for (const a of unit) {
        const same = votes.indicator.get(titleKey(a.row.indicator)) ?? [];
        for (const v of same) if (v.block !== self && v.code === o.code) s += SAME_INDICATOR * weight(v);
        if (a.action && !a.weakAction) {
          const acts = votes.action.get(titleKey(a.action.text)) ?? [];
          const pts = acts.filter((v) => v.block !== self && v.code === o.code).map((v) => SAME_ACTION * weight(v));
          s += pts
            .sort((x, y) => y - x)
            .slice(0, 2)
            .reduce((x, y) => x + y, 0);
        }
      }
      return s;
    }),
  );
}

/** What speaks for putting row a under code: other dashboards, its neighbours, shared words. */
function evidenceFor(a: Attributed, code: string, self: number, p: Prepared, votes: Votes): { en: string; it: string } {
  const en: string[] = [];
  const it: string[] = [];
  const same = (votes.indicator.get(titleKey(a.row.indicator)) ?? []).filter(
    (v) => v.block !== self && v.code === code,
  );
  if (same.length) {
    const where = same.map((v) => `${v.dashboard} line ${v.line}`).join(', ');
    en.push(`the same indicator is under ${code} in ${where}`);
    it.push(`lo stesso indicatore è sotto ${code} in ${same.map((v) => `${v.dashboard} riga ${v.line}`).join(', ')}`);
  }
  const acts = a.action
    ? (votes.action.get(titleKey(a.action.text)) ?? []).filter((v) => v.block !== self && v.code === code)
    : [];
  if (acts.length) {
    en.push(`its action is under ${code} at line ${acts.map((v) => v.line).join(', ')}`);
    it.push(`la sua azione è sotto ${code} alla riga ${acts.map((v) => v.line).join(', ')}`);
  }
  const rows = p.block.rows;
  const at = rows.indexOf(a);
  const before = rows
    .slice(0, at)
    .reverse()
    .find((r) => r.code === code);
  const after = rows.slice(at + 1).find((r) => r.code === code);
  const neighbour = before ?? after;
  if (neighbour) {
    en.push(`the row at line ${neighbour.row.line} is under ${code} and rows follow the code order`);
    it.push(`la riga ${neighbour.row.line} è sotto ${code} e le righe seguono l'ordine dei codici`);
  } else {
    const j = p.objectives.findIndex((o) => o.code === code);
    en.push(`the code order of ${p.objectives.map((o) => o.code).join(', ')} leaves room for ${code} here`);
    it.push(
      `l'ordine dei codici ${p.objectives.map((o) => o.code).join(', ')} lascia posto a ${code} (riga ${p.objectives[j]?.line ?? a.row.line})`,
    );
  }
  return { en: en.join('; '), it: it.join('; ') };
}

/**
 * One indicator text, one objective per plan: listings that still disagree after the cuts go to the objective most
 * listings (the strategic dashboard first) give it, when that objective is printed for their block; a dashboard
 * printing the same text twice (000:2244 and 000:2284) is the document saying otherwise and is kept.
 */
function unify(prepared: Prepared[], review: ReviewReport): void {
  const listings = new Map<string, Array<{ a: Attributed; p: Prepared }>>();
  for (const p of prepared)
    for (const a of p.block.rows) {
      const key = titleKey(a.row.indicator);
      if (!key) continue;
      listings.set(key, [...(listings.get(key) ?? []), { a, p }]);
    }
  for (const list of listings.values()) {
    const codes = [...new Set(list.map((l) => l.a.code))];
    if (codes.length < 2) continue;
    const twiceInOneBlock = list.some((l, i) => list.some((m, k) => k !== i && m.p === l.p && m.a.code !== l.a.code));
    if (twiceInOneBlock) continue;
    const count = (code: string | null) =>
      list.filter((l) => l.a.code === code).length * 10 +
      (list.some((l) => l.a.code === code && l.p.block.dashboard.dashboard.kind === 'strategic') ? 5 : 0);
    const winner = [...codes].sort((x, y) => count(y) - count(x) || codeOrder(x ?? '') - codeOrder(y ?? ''))[0];
    const where = codes
      .map(
        (c) =>
          `${c} (${list
            .filter((l) => l.a.code === c)
            .map((l) => l.a.row.line)
            .join(', ')})`,
      )
      .join(', ');
    const whereIt = where.replace(/\(/g, '(righe ');
    for (const { a, p } of list) {
      if (a.code === winner) {
        review.warning(
          a.row.line,
          `row at line ${a.row.line}`,
          'INDICATOR_OBJECTIVE_CONFLICT',
          `"${a.row.indicator}" is listed under ${where}: kept under ${winner}, the objective of most listings; the order of the rows elsewhere disagrees. Check.`,
          `"${a.row.indicator}" compare sotto ${whereIt}: resta sotto ${winner}, l'obiettivo della maggior parte delle righe; altrove l'ordine delle righe dice altro. Verificare.`,
          where,
        );
        continue;
      }
      const printed = p.objectives.some((o) => o.code === winner);
      const was = a.code;
      if (printed) a.code = winner;
      review.warning(
        a.row.line,
        `row at line ${a.row.line}`,
        'INDICATOR_OBJECTIVE_CONFLICT',
        printed
          ? `"${a.row.indicator}" is listed under ${where}: one indicator, one objective; this listing moves from ${was} to ${winner}, the objective of most listings. Check.`
          : `"${a.row.indicator}" is listed under ${where}, and ${winner} is not printed for this block: kept under ${was}. Check.`,
        printed
          ? `"${a.row.indicator}" compare sotto ${whereIt}: un indicatore, un obiettivo; questa riga passa da ${was} a ${winner}, l'obiettivo della maggior parte delle righe. Verificare.`
          : `"${a.row.indicator}" compare sotto ${whereIt}, e ${winner} non è stampato per questo blocco: resta sotto ${was}. Verificare.`,
        where,
      );
    }
  }
}

export function codeOrder(code: string): number {
  const [a, b] = code.split('.').map(Number);
  return a * 100 + (b || 0);
}
