/**
 * The Brescia manager-weight table ("Assegnazione nuovi Obiettivi ai Dirigenti e ridefinizione dei Pesi degli
 * Obiettivi 2020", docs/domain.md §7.1): per manager group, objectives with their original and redefined weight, then
 * "Totale … 100,00% 100,00%". The manager's name and role are in the label block printed before the objectives.
 */
import type { SourceLineNo } from './draft';
import type { SourceText } from './source-text';

export interface TableObjective {
  kind: 'strategic' | 'operational';
  code: string | null;
  title: string;
  weights: string[];
  line: SourceLineNo;
  /** the line the weights are printed on */
  weightsLine: SourceLineNo | null;
  /** a manager named on the weights line itself ("Consulente Tecnico Organizzativo dr Ezio Zorzi 100,00% 100,00%") */
  ownManager?: { label: string; line: SourceLineNo };
}

export interface ManagerGroup {
  label: string;
  line: SourceLineNo;
  objectives: TableObjective[];
  totals: string[] | null;
  totalsLine: SourceLineNo | null;
}

const PERCENTS = /((?:-?\d+(?:,\d+)?%\s*){1,2})$/;
const OBJECTIVE = /^\s*Obiettivo\s+(Strategico|Operativo)\s*(\d+\.\d+)?\s*(.*)$/;

export function readManagerTable(source: SourceText): { groups: ManagerGroup[]; start: SourceLineNo | null } {
  const head = source.find(/^\s*Assegnazione nuovi Obiettivi ai Dirigenti/);
  if (!head) return { groups: [], start: null };
  const stop = source.find(/^\s*BALANCED SCORECARD/, head.no)?.no ?? source.lines.length + 1;
  const headerEnd = source.find(/^\s*obiettivi\s*$/i, head.no)?.no ?? head.no;
  const groups: ManagerGroup[] = [];
  let group: ManagerGroup | null = null;
  let label: Array<{ no: number; text: string }> = [];
  let objective: TableObjective | null = null;
  for (let no = headerEnd + 1; no < stop; no++) {
    const text = source.line(no).trim();
    if (!text) continue;
    const o = OBJECTIVE.exec(text);
    if (o) {
      if (!group) {
        group = {
          label: label.map((l) => l.text).join(' '),
          line: label[0]?.no ?? no,
          objectives: [],
          totals: null,
          totalsLine: null,
        };
        groups.push(group);
        label = [];
      }
      objective = {
        kind: o[1] === 'Strategico' ? 'strategic' : 'operational',
        code: o[2] ?? null,
        title: '',
        weights: [],
        line: no,
        weightsLine: null,
      };
      group.objectives.push(objective);
      take(objective, o[3], no);
      continue;
    }
    if (/^Totale\b/.test(text) && group) {
      const p = PERCENTS.exec(text);
      group.totals = p ? p[1].trim().split(/\s+/) : null;
      group.totalsLine = no;
      group.label = `${group.label} ${text.replace(PERCENTS, '').replace(/^Totale\s*/, '')}`.trim();
      group = null;
      objective = null;
      continue;
    }
    const namesManager = personsIn(text).length > 0 && PERCENTS.test(text);
    if (objective && objective.weights.length === 0 && !namesManager) {
      take(objective, text, no);
    } else if (objective && group && namesManager) {
      // Weights after the objective's own: a manager printed with its weights (the consultant row).
      const p = PERCENTS.exec(text) as RegExpExecArray;
      const who = text.replace(PERCENTS, '').trim();
      const extra: TableObjective = {
        ...objective,
        weights: p[1].trim().split(/\s+/),
        weightsLine: no,
        ownManager: { label: who, line: no },
      };
      group.objectives[group.objectives.length - 1] = extra;
    } else if (!group || objective === null) {
      label.push({ no, text });
    } else {
      // Label of the next group, printed before its first objective.
      group = null;
      objective = null;
      label = [{ no, text }];
    }
  }
  return { groups, start: head.no };
}

function take(objective: TableObjective, text: string, no: number): void {
  const p = PERCENTS.exec(text);
  const words = (p ? text.replace(PERCENTS, '') : text).trim();
  if (words) objective.title = `${objective.title} ${words}`.replace(/\s+/g, ' ').trim();
  if (p) {
    objective.weights = p[1].trim().split(/\s+/);
    objective.weightsLine = no;
  }
}

export interface NamedPerson {
  fullName: string;
  title: string;
}

/** "dr Massimo Ziletti", "dr.ssa Cristiana Taioli" in a label: the people it names, in order. */
export function personsIn(label: string): NamedPerson[] {
  const found: NamedPerson[] = [];
  const re = /\b(dr\.ssa|d\.ssa|dr\.|dr)\s+(\p{Lu}[\p{L}']+)\s+(\p{L}[\p{L}']+)/gu;
  for (let m = re.exec(label); m; m = re.exec(label)) found.push({ title: m[1], fullName: `${m[2]} ${m[3]}` });
  return found;
}
