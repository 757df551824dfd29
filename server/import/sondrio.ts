/**
 * Reader of the Sondrio plan table (seed 004: an OCR'd spreadsheet, docs/domain.md §2.3 and §7.1). Second pass: the
 * rows of sondrio-rows.ts are attached by CODE, not by position (docs/domain.md §8.22: an action printed on another objective's row,
 * an operational objective printed before its strategic objective across a page break), and every repair is reported.
 * server/fixtures/sondrio-2022-2024.json is the hand-checked reading this reader must reproduce.
 */
import { Checkpoint, ManagerRoleKind } from '@core/vocabulary/enums';
import { parseValue } from '@core/values';
import type {
  IndicatorDraft,
  OperationalObjectiveDraft,
  PerspectiveDraft,
  PlanDraft,
  StrategicObjectiveDraft,
  TargetDraft,
} from './draft';
import { emptyDraft } from './draft';
import type { Importer } from './importer';
import { ImportFormatError } from './errors';
import { readResponsibleCell } from './responsible-units';
import { ReviewReport } from './review';
import { isLetterSpaced, SourceText, wordsOf } from './source-text';
import { ponderazioneReading, readRows } from './sondrio-rows';
import type { SondrioCell, SondrioRow } from './sondrio-rows';
import { ITALIAN_WORDS } from './words';

const LOST_TITLE = '(titolo non leggibile nella fonte)';

export const sondrioImporter: Importer = {
  id: 'sondrio',
  label: 'Camera di Commercio di Sondrio: plan table (OCR of a spreadsheet), seed 004',
  sniff(text) {
    const head = text.slice(0, 20_000);
    const signals = [
      /Prospettiva/,
      /Obiettivi strategici/,
      /Obiettivi operativi/i,
      /Azioni/,
      /Relatore/,
      /Soglie/i,
      /p\s?o\s?n\s?d\s?e\s?r\s?a\s?z\s?i\s?o\s?n\s?e/,
    ];
    const hits = signals.filter((s) => s.test(head)).length;
    return hits === signals.length ? 0.95 : hits >= 5 ? 0.6 : hits / 20;
  },
  read(source) {
    return new SondrioReader(source).read();
  },
};

class SondrioReader {
  private readonly review = new ReviewReport();
  private readonly draft: PlanDraft = emptyDraft('sondrio', 'sondrio');
  private readonly vocabulary: Set<string>;
  private years: number[] = [];
  private thresholdScores: number[] = [];

  constructor(private readonly source: SourceText) {
    this.vocabulary = new Set([...ITALIAN_WORDS, ...wordsOf(source.text)]);
  }

  read(): { draft: PlanDraft; review: ReviewReport } {
    this.readHeader();
    const rows = readRows(this.source, this.review, this.vocabulary);
    if (rows.length === 0) throw new ImportFormatError('no Sondrio plan rows (no action code n.m.k) found in the text');
    this.assemble(rows);
    this.readSignatures();
    this.checkWeights();
    return { draft: this.draft, review: this.review };
  }

  /** Years and threshold scores come from the first header block: "2022 2023 2024" and "80% 60%". */
  private readHeader(): void {
    for (const { no } of this.source.lines) {
      const cells = this.source.cells(no).filter(Boolean);
      if (this.years.length === 0 && cells.length >= 2 && cells.every((c) => /^(19|20)\d\d$/.test(c))) {
        this.years = [...new Set(cells.map(Number))].sort();
        this.review.read(
          no,
          'plan',
          `Plan years ${this.years.join(', ')} read from the table header.`,
          `Anni del piano ${this.years.join(', ')} letti dall'intestazione.`,
          cells.join(' | '),
          'YEARS_READ',
        );
      } else if (this.thresholdScores.length === 0 && cells.length >= 1 && cells.every((c) => /^\d{1,3}%$/.test(c))) {
        this.thresholdScores = cells.map((c) => Number(c.slice(0, -1)) / 100);
        this.review.read(
          no,
          'plan',
          `Threshold scores ${cells.join(', ')} ("Soglie") read from the table header.`,
          `Punteggi delle soglie ${cells.join(', ')} letti dall'intestazione.`,
          cells.join(' | '),
          'THRESHOLDS_READ',
        );
      }
      if (this.years.length && this.thresholdScores.length) break;
    }
    if (this.years.length < 3)
      throw new ImportFormatError('Sondrio table header: the three plan years (e.g. 2022 2023 2024) were not found');
    if (this.thresholdScores.length === 0) {
      this.thresholdScores = [0.8, 0.6];
      this.review.inferred(
        null,
        'plan',
        'THRESHOLDS_ASSUMED',
        'Threshold scores not found in the header: 80% and 60% assumed.',
        "Punteggi delle soglie non trovati nell'intestazione: assunti 80% e 60%.",
        'no header line of percentages only',
      );
    }
    const [first, , last] = this.years;
    const d = this.draft;
    d.organisation = { code: 'CCIAA-SO', name: 'Camera di Commercio di Sondrio' };
    d.cycle = { name: `Piano della Performance ${first}-${last}`, firstYear: first, years: this.years.slice(0, 3) };
    d.version = { label: `Piano ${first}-${last} REV. 0`, revision: 0, status: 'draft' };
    this.review.inferred(
      null,
      'organisation',
      'ORGANISATION_FROM_FORMAT',
      'The table does not name the body: Camera di Commercio di Sondrio (CCIAA-SO) assumed from the format; use --org to import for another organisation.',
      "La tabella non indica l'ente: assunta la Camera di Commercio di Sondrio (CCIAA-SO) dal formato; usare --org per un altro ente.",
      'Sondrio table layout (Relatore, Soglie 80%/60%)',
    );
  }

  private perspectives: PerspectiveDraft[] = this.draft.perspectives;
  private readonly osByCode = new Map<string, StrategicObjectiveDraft>();
  private readonly ooByCode = new Map<string, OperationalObjectiveDraft & { os: string }>();

  private assemble(rows: SondrioRow[]): void {
    let perspective: PerspectiveDraft | null = null;
    // Pass 1: perspectives and strategic objectives, in document order.
    for (const row of rows) {
      if (row.perspective) perspective = this.perspectiveOf(row, perspective);
      if (row.os) {
        if (!perspective) {
          perspective = { key: 'p:1', name: '(prospettiva non leggibile)', line: row.line, strategicObjectives: [] };
          this.perspectives.push(perspective);
          this.review.unreadable(
            row.line,
            'perspective',
            'PERSPECTIVE_MISSING',
            'Strategic objective before any perspective.',
            'Obiettivo strategico prima di ogni prospettiva.',
            row.os.code.seen,
          );
        }
        perspective.strategicObjectives.push(this.strategicObjective(row));
      }
    }
    // Pass 2: operational objectives and actions, attached by code.
    for (const row of rows) {
      if (row.oo) this.operationalObjective(row);
      this.action(row);
      for (const s of row.stray) {
        this.review.warning(
          row.line,
          `cell ${s.col + 1}`,
          'CELL_IGNORED',
          `Cell "${s.seen}" fits no column and was not read.`,
          `La cella "${s.seen}" non corrisponde ad alcuna colonna e non è stata letta.`,
          s.seen,
        );
      }
    }
    for (const so of this.osByCode.values()) {
      so.operationalObjectives.sort((a, b) => a.line - b.line || compareCodes(a.code, b.code));
    }
  }

  private perspectiveOf(row: SondrioRow, current: PerspectiveDraft | null): PerspectiveDraft {
    const cell = row.perspective as SondrioCell;
    // A page break cuts a merged cell: its tail ("e" of "…locale") reappears on the next page's first row.
    if (current && cell.text.length <= 3 && current.name.endsWith(cell.text)) {
      this.review.inferred(
        row.line,
        'perspective',
        'CELL_CONTINUED',
        `"${cell.seen}" is the tail of the perspective "${current.name}" cut by a page break: no new perspective.`,
        `"${cell.seen}" è la coda della prospettiva "${current.name}" spezzata dal cambio pagina: nessuna nuova prospettiva.`,
        `"${current.name}" (line ${current.line}) ends with "${cell.text}"`,
      );
      return current;
    }
    const p: PerspectiveDraft = {
      key: `p:${this.perspectives.length + 1}`,
      name: cell.text,
      line: row.line,
      strategicObjectives: [],
    };
    this.perspectives.push(p);
    if (unbalancedQuote(cell.text)) {
      this.review.warning(
        row.line,
        `perspective ${p.name}`,
        'LABEL_TRUNCATED',
        `Perspective "${cell.text}" looks cut (an unclosed quote); kept as seen.`,
        `La prospettiva "${cell.text}" sembra troncata (virgolette non chiuse); lasciata come letta.`,
        cell.seen,
      );
    }
    this.review.read(
      row.line,
      `perspective ${p.name}`,
      `Perspective "${p.name}".`,
      `Prospettiva "${p.name}".`,
      cell.seen,
    );
    return p;
  }

  private strategicObjective(row: SondrioRow): StrategicObjectiveDraft {
    const os = row.os as NonNullable<SondrioRow['os']>;
    const code = os.code.text;
    const subject = `strategic objective ${code}`;
    const title = os.title?.text ?? LOST_TITLE;
    if (!os.title) {
      this.review.unreadable(
        row.line,
        subject,
        'TITLE_MISSING',
        'Title not printed.',
        'Titolo non stampato.',
        os.code.seen,
      );
    } else if (
      title.split(' ').some((w) => w.length > 3 && !this.vocabulary.has(w.toLowerCase())) &&
      isLetterSpaced(os.title.seen)
    ) {
      this.review.unreadable(
        row.line,
        subject,
        'TITLE_UNRECOGNISED',
        `Letter-spaced title read as "${title}", with words that are not recognisable; kept as seen, to be confirmed by a user.`,
        `Titolo spaziato letto come "${title}", con parole non riconoscibili; lasciato come letto, da confermare.`,
        os.title.seen,
      );
    } else if (/^\p{Ll}/u.test(title)) {
      this.review.unreadable(
        row.line,
        subject,
        'TITLE_TRUNCATED',
        `Title "${title}" starts in lower case: its head looks lost (page break); kept as seen, to be completed by a user.`,
        `Il titolo "${title}" inizia in minuscolo: l'inizio sembra perso (cambio pagina); lasciato come letto, da completare.`,
        os.title.seen,
      );
    } else if (
      !title.includes(' ') &&
      !ITALIAN_WORDS.has(title.toLowerCase()) &&
      occurrences(this.source.text, title) === 1
    ) {
      this.review.warning(
        row.line,
        subject,
        'TITLE_SUSPECT',
        `Title "${title}" is a single word found nowhere else (OCR garble?); kept as seen, to be confirmed by a user.`,
        `Il titolo "${title}" è una sola parola che non compare altrove (errore OCR?); lasciato come letto, da confermare.`,
        os.title.seen,
      );
    }
    const kpi = this.kpiOf(row.line, subject, os.kpi);
    const targets = os.targets.map((t) => t.text);
    const first = parseValue(targets[0] ?? '', { role: 'target' });
    const passMark = first.kind === 'percent' && typeof first.value === 'number' ? first.value / 100 : null;
    if (passMark === null) {
      this.review.unreadable(
        row.line,
        subject,
        'PASS_MARK_UNREADABLE',
        `Objective target "${targets[0] ?? ''}" is not a percentage: no pass mark.`,
        `Il target dell'obiettivo "${targets[0] ?? ''}" non è una percentuale: nessuna soglia di successo.`,
        targets.join(' | '),
      );
    } else if (new Set(targets).size > 1) {
      this.review.warning(
        row.line,
        subject,
        'PASS_MARK_VARIES',
        `Objective targets differ between years (${targets.join(', ')}): the pass mark is the first year's.`,
        `I target dell'obiettivo differiscono tra gli anni (${targets.join(', ')}): vale quello del primo anno.`,
        targets.join(' | '),
      );
    }
    const so: StrategicObjectiveDraft = {
      key: `os:${code}`,
      code,
      title,
      kpi,
      passMark,
      line: row.line,
      indicators: [],
      operationalObjectives: [],
    };
    if (this.osByCode.has(code)) {
      this.review.warning(
        row.line,
        subject,
        'DUPLICATE_CODE',
        `Strategic objective code ${code} printed twice.`,
        `Codice di obiettivo strategico ${code} stampato due volte.`,
        os.code.seen,
      );
      so.key = `os:${code}@${row.line}`;
    } else this.osByCode.set(code, so);
    this.review.read(
      row.line,
      subject,
      `Strategic objective ${code} "${title}", kpi "${kpi}", targets ${targets.join(' / ')}.`,
      `Obiettivo strategico ${code} "${title}", kpi "${kpi}", target ${targets.join(' / ')}.`,
      [os.code, os.title, os.kpi, ...os.targets]
        .filter(Boolean)
        .map((c) => (c as SondrioCell).seen)
        .join(' | '),
    );
    return so;
  }

  /** Every Sondrio objective rolls its children up by weight: its kpi reads "ponderazione", whole, cut or lost. */
  private kpiOf(line: number, subject: string, cell: SondrioCell | undefined): string {
    if (!cell) {
      this.review.inferred(
        line,
        subject,
        'KPI_ASSUMED',
        'KPI cell empty: "ponderazione" assumed (weighted roll-up, as every objective of this table).',
        'Cella kpi vuota: assunto "ponderazione" (media ponderata, come ogni obiettivo di questa tabella).',
        '(empty)',
      );
      return 'ponderazione';
    }
    const reading = ponderazioneReading(cell.text);
    if (reading === 'truncated') {
      this.review.inferred(
        line,
        subject,
        'KPI_COMPLETED',
        `KPI "${cell.text}" cut at a page break: read as "ponderazione".`,
        `Kpi "${cell.text}" tagliato al cambio pagina: letto come "ponderazione".`,
        cell.seen,
      );
      return 'ponderazione';
    }
    return cell.text;
  }

  private operationalObjective(row: SondrioRow): void {
    const oo = row.oo as NonNullable<SondrioRow['oo']>;
    const code = oo.code.text;
    const subject = `operational objective ${code}`;
    const so = this.osByCode.get(osCodeOf(code));
    if (!so) {
      this.review.unreadable(
        row.line,
        subject,
        'PARENT_MISSING',
        `No strategic objective ${osCodeOf(code)} for operational objective ${code}: not imported.`,
        `Nessun obiettivo strategico ${osCodeOf(code)} per l'obiettivo operativo ${code}: non importato.`,
        oo.code.seen,
      );
      return;
    }
    const kpiCell = oo.kpi ?? row.rotatedKpi;
    if (!oo.kpi && row.rotatedKpi) {
      this.review.inferred(
        row.line,
        subject,
        'CELLS_ROTATED',
        `The OO kpi "${row.rotatedKpi.text}" is printed before the OO code (rotated cells); read as its kpi.`,
        `Il kpi "${row.rotatedKpi.text}" è stampato prima del codice dell'obiettivo operativo (celle ruotate); letto come suo kpi.`,
        `cell ${row.rotatedKpi.col + 1} "${row.rotatedKpi.seen}", code in cell ${oo.code.col + 1}`,
      );
    }
    const kpi = this.kpiOf(row.line, subject, kpiCell);
    const draft: OperationalObjectiveDraft & { os: string } = {
      os: so.code,
      key: `oo:${code}`,
      code,
      title: oo.title?.text ?? LOST_TITLE,
      kpi,
      weight: oo.weight?.text ?? null,
      line: row.line,
      indicators: [],
    };
    if (!oo.weight) {
      this.review.unreadable(
        row.line,
        subject,
        'WEIGHT_MISSING',
        'Weight not printed: left empty (never guessed).',
        'Peso non stampato: lasciato vuoto (mai indovinato).',
        oo.code.seen,
      );
    }
    if (row.os && row.os.code.text !== so.code) {
      this.review.warning(
        row.line,
        subject,
        'CODE_MISMATCH',
        `Printed on strategic objective ${row.os.code.text}'s row, attached to ${so.code} by its code.`,
        `Stampato sulla riga dell'obiettivo strategico ${row.os.code.text}, collegato a ${so.code} dal codice.`,
        oo.code.seen,
      );
    } else if (!row.os && so.line > row.line) {
      this.review.inferred(
        row.line,
        subject,
        'ATTACHED_BY_CODE',
        `Printed before strategic objective ${so.code} (line ${so.line}), in a block with empty objective columns: attached to ${so.code} by its code prefix.`,
        `Stampato prima dell'obiettivo strategico ${so.code} (riga ${so.line}), con colonne vuote: collegato a ${so.code} dal prefisso del codice.`,
        `code ${code}`,
      );
    }
    if (oo.code.col >= 11) {
      this.review.inferred(
        row.line,
        subject,
        'COLUMNS_SHIFTED',
        `Operational objective printed in the action columns (from cell ${oo.code.col + 1}); read by cell order.`,
        `Obiettivo operativo stampato nelle colonne delle azioni (dalla cella ${oo.code.col + 1}); letto per ordine delle celle.`,
        [oo.code, oo.title, oo.weight]
          .filter(Boolean)
          .map((c) => (c as SondrioCell).seen)
          .join(' | '),
      );
    }
    if (this.ooByCode.has(code)) {
      this.review.warning(
        row.line,
        subject,
        'DUPLICATE_CODE',
        `Operational objective code ${code} printed twice; the second is kept apart.`,
        `Codice di obiettivo operativo ${code} stampato due volte; il secondo è tenuto separato.`,
        oo.code.seen,
      );
      draft.key = `oo:${code}@${row.line}`;
    } else this.ooByCode.set(code, draft);
    so.operationalObjectives.push(draft);
    this.review.read(
      row.line,
      subject,
      `Operational objective ${code} "${draft.title}", weight ${draft.weight ?? '(none)'}, kpi "${kpi}".`,
      `Obiettivo operativo ${code} "${draft.title}", peso ${draft.weight ?? '(nessuno)'}, kpi "${kpi}".`,
      [oo.code, oo.title, oo.weight, oo.kpi]
        .filter(Boolean)
        .map((c) => (c as SondrioCell).seen)
        .join(' | '),
    );
  }

  private ooFor(code: string, line: number): (OperationalObjectiveDraft & { os: string }) | null {
    const ooCode = code.split('.').slice(0, 2).join('.');
    const found = this.ooByCode.get(ooCode);
    if (found) return found;
    const so = this.osByCode.get(osCodeOf(ooCode));
    if (!so) return null;
    // The objective's own row is lost: keep its place, never invent its title or weight (docs/scoring.md §6.8 d).
    const lost: OperationalObjectiveDraft & { os: string } = {
      os: so.code,
      key: `oo:${ooCode}`,
      code: ooCode,
      title: LOST_TITLE,
      kpi: 'ponderazione',
      weight: null,
      line,
      indicators: [],
    };
    this.ooByCode.set(ooCode, lost);
    so.operationalObjectives.push(lost);
    this.review.unreadable(
      line,
      `operational objective ${ooCode}`,
      'ROW_LOST',
      `The row of operational objective ${ooCode} is lost: its actions (from ${code}) are printed with no objective cells. Title unknown, weight empty (WEIGHT_MISSING), kpi "ponderazione" assumed.`,
      `La riga dell'obiettivo operativo ${ooCode} è persa: le sue azioni (da ${code}) sono stampate senza le celle dell'obiettivo. Titolo sconosciuto, peso vuoto (WEIGHT_MISSING), kpi "ponderazione" assunto.`,
      `action ${code} on line ${line} has code prefix ${ooCode}, and no row declares ${ooCode}`,
    );
    return lost;
  }

  private action(row: SondrioRow): void {
    const a = row.action;
    const code = a.code.text;
    const subject = `indicator ${code}`;
    const oo = this.ooFor(code, row.line);
    if (!oo) {
      this.review.unreadable(
        row.line,
        subject,
        'PARENT_MISSING',
        `No objective for action ${code}: not imported.`,
        `Nessun obiettivo per l'azione ${code}: non importata.`,
        a.code.seen,
      );
      return;
    }
    if (row.oo && row.oo.code.text !== oo.code) {
      this.review.inferred(
        row.line,
        subject,
        'ATTACHED_BY_CODE',
        `Action ${code} is printed on operational objective ${row.oo.code.text}'s row; attached to ${oo.code} by its code prefix.`,
        `L'azione ${code} è stampata sulla riga dell'obiettivo operativo ${row.oo.code.text}; collegata a ${oo.code} dal prefisso del codice.`,
        `code ${code}`,
      );
    }
    const expectedCol = 11;
    if (a.code.col !== expectedCol && !(row.oo && row.oo.code.col >= 11)) {
      this.review.inferred(
        row.line,
        subject,
        'COLUMNS_SHIFTED',
        `Action cells start in cell ${a.code.col + 1} instead of ${expectedCol + 1}; read by cell order (code, title, weight, kpi, target, soglie, following years, Relatore).`,
        `Le celle dell'azione iniziano dalla cella ${a.code.col + 1} invece della ${expectedCol + 1}; lette per ordine.`,
        `"${code}" in cell ${a.code.col + 1}`,
      );
    }
    const [y1, y2, y3] = this.years;
    const v = a.values.map((c) => c.text);
    const targets: TargetDraft[] = [];
    const target = (year: number, raw: string | undefined, thresholds: string[] = []): void => {
      if (raw === undefined || raw === '') return;
      targets.push({
        year,
        checkpoint: Checkpoint.YEAR_END,
        raw,
        line: row.line,
        revisions: [],
        thresholds: thresholds.map((t, i) => ({ raw: t, score: this.thresholdScores[i] })),
      });
    };
    if (v.length === 5) {
      target(y1, v[0], v.slice(1, 3));
      target(y2, v[3]);
      target(y3, v[4]);
    } else if (v.length === 1) {
      target(y1, v[0]);
      this.review.read(
        row.line,
        subject,
        `Only the ${y1} target "${v[0]}" is printed: no thresholds, no ${y2}-${y3} targets.`,
        `Stampato solo il target ${y1} "${v[0]}": nessuna soglia, nessun target ${y2}-${y3}.`,
        a.values.map((c) => c.seen).join(' | '),
        'CELLS_EMPTY',
      );
    } else {
      this.review.unreadable(
        row.line,
        subject,
        'VALUES_UNREADABLE',
        `${v.length} value cells where 5 (target, two thresholds, two later years) or 1 are expected: values not read.`,
        `${v.length} celle di valori invece di 5 (target, due soglie, due anni successivi) o 1: valori non letti.`,
        v.join(' | '),
      );
    }
    if (!a.weight) {
      this.review.unreadable(
        row.line,
        subject,
        'WEIGHT_MISSING',
        'Action weight not printed.',
        "Peso dell'azione non stampato.",
        a.code.seen,
      );
    }
    if (!a.kpi) {
      this.review.unreadable(
        row.line,
        subject,
        'KPI_MISSING',
        'Action kpi not printed.',
        "Kpi dell'azione non stampato.",
        a.code.seen,
      );
    }
    const units = a.relatore ? readResponsibleCell(a.relatore.text) : [];
    for (const u of units) {
      if (!this.draft.units.some((x) => x.key === u.unit.key)) {
        this.draft.units.push({ ...u.unit, line: row.line });
        if (u.reading) {
          this.review.inferred(
            row.line,
            `unit ${u.unit.name}`,
            'UNIT_READ',
            `Relatore read as unit "${u.unit.name}" (${u.unit.type}): ${u.reading}.`,
            `Relatore letto come unità "${u.unit.name}" (${u.unit.type}).`,
            a.relatore?.seen ?? '',
          );
        }
      }
    }
    if (!a.relatore) {
      this.review.unreadable(
        row.line,
        subject,
        'RESPONSIBLE_MISSING',
        'No Relatore (responsible unit) printed.',
        'Nessun relatore stampato.',
        a.code.seen,
      );
    }
    const indicator: IndicatorDraft = {
      key: `ind:${code}`,
      code,
      title: a.title?.text ?? LOST_TITLE,
      formula: a.kpi?.text ?? null,
      weight: a.weight?.text ?? null,
      unitKeys: units.map((u) => u.unit.key),
      line: row.line,
      targets,
      baselines: [],
    };
    if (indicatorsIn(this.draft).some((i) => i.key === indicator.key)) indicator.key = `ind:${code}@${row.line}`;
    oo.indicators.push(indicator);
    this.review.read(
      row.line,
      subject,
      `Action ${code} "${indicator.title}", weight ${indicator.weight ?? '(none)'}, targets ${targets.map((t) => `${t.year} ${t.raw}`).join(', ')}${targets[0]?.thresholds.length ? `, thresholds ${targets[0].thresholds.map((t) => t.raw).join(' / ')}` : ''}.`,
      `Azione ${code} "${indicator.title}", peso ${indicator.weight ?? '(nessuno)'}, target ${targets.map((t) => `${t.year} ${t.raw}`).join(', ')}.`,
      [a.code, a.title, a.weight, a.kpi, ...a.values, a.relatore]
        .filter(Boolean)
        .map((c) => (c as SondrioCell).seen)
        .join(' | '),
    );
  }

  /** "IL SEGRETARIO GENERALE" / "(Marco Bonat)": the signing Secretary General. */
  private readSignatures(): void {
    const title = this.source.find(/^\s*IL SEGRETARIO GENERALE\s*$/i);
    if (!title) return;
    const name = /^\s*\(([^)]+)\)\s*$/.exec(this.source.line(title.no + 1));
    if (!name) return;
    this.draft.persons.push({
      key: 'person:sg',
      fullName: name[1].trim(),
      roles: [{ role: ManagerRoleKind.SECRETARY_GENERAL }],
      line: title.no + 1,
    });
    this.review.read(
      title.no + 1,
      'person',
      `Secretary General "${name[1].trim()}" read from the signature.`,
      `Segretario Generale "${name[1].trim()}" letto dalla firma.`,
      `${title.text.trim()} ${this.source.line(title.no + 1).trim()}`,
      'PERSON_READ',
    );
  }

  /** Weight sums per parent: evidence for the placements above, and a warning where they do not reach 100. */
  private checkWeights(): void {
    const check = (subject: string, line: number, weights: Array<string | null>): void => {
      const missing = weights.filter((w) => w === null).length;
      const sum = weights.reduce((s, w) => s + (w ? numberOf(w) : 0), 0);
      if (missing > 0) {
        this.review.warning(
          line,
          subject,
          'WEIGHT_MISSING',
          `${missing} child weight(s) missing; the others sum to ${sum}. Proposal to confirm: ${Math.max(0, 100 - sum)} (the residual). Not applied.`,
          `${missing} pesi mancanti; gli altri sommano ${sum}. Proposta da confermare: ${Math.max(0, 100 - sum)} (residuo). Non applicata.`,
          weights.map((w) => w ?? '?').join(' + '),
        );
      } else if (Math.abs(sum - 100) > 0.1) {
        this.review.warning(
          line,
          subject,
          'WEIGHT_SUM',
          `Child weights sum to ${sum}, not 100.`,
          `I pesi dei figli sommano ${sum}, non 100.`,
          weights.join(' + '),
        );
      }
    };
    for (const so of this.osByCode.values()) {
      check(
        `strategic objective ${so.code}`,
        so.line,
        so.operationalObjectives.map((o) => o.weight),
      );
      for (const oo of so.operationalObjectives)
        check(
          `operational objective ${oo.code}`,
          oo.line,
          oo.indicators.map((i) => i.weight),
        );
    }
  }
}

function indicatorsIn(d: PlanDraft): IndicatorDraft[] {
  return d.perspectives.flatMap((p) =>
    p.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.indicators)),
  );
}

function osCodeOf(code: string): string {
  return code.split('.')[0];
}

function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++)
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function numberOf(raw: string): number {
  const p = parseValue(raw);
  return typeof p.value === 'number' ? p.value : 0;
}

function occurrences(text: string, word: string): number {
  return text.split(word).length - 1;
}

function unbalancedQuote(text: string): boolean {
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  // An apostrophe inside a word ("d'impresa") is not a quote.
  const openingSingle = /(?:^|\s)'\p{L}/u.test(text) && !/\p{L}'(?:\s|$)/u.test(text);
  return doubles % 2 === 1 || (singles > 0 && openingSingle);
}
