/**
 * Reader of the Brescia plan (seed 003): objective cards ("SCHEDE OBIETTIVI") and the manager-weight table.
 *
 * Model choices (docs/domain.md §2.3, docs/scoring.md §5.6, docs/domain.md §8.3): the cross-cutting strategic card becomes a strategic objective with
 * its own weighted indicators, ownShare from "Indicatori dell'obiettivo strategico Peso: 50%", and the operational
 * cards as children; only those in its contribution list count (`contributes`), new objectives are not added to it.
 * A card's "Peso dell'obiettivo dirigenziale" is a weight in a manager's portfolio, not in the strategic objective, so
 * it lives in the manager assignments (before / after the re-weighting); where card and table disagree it is reported.
 */
import { FundKind, ManagerRoleKind, PurposeClass, Relevance, UnitType } from '@core/vocabulary/enums';
import { parseValue } from '@core/values';
import type {
  AssignmentDraft,
  OperationalObjectiveDraft,
  PerspectiveDraft,
  PersonDraft,
  PlanDraft,
  StrategicObjectiveDraft,
} from './draft';
import { emptyDraft } from './draft';
import { ImportFormatError } from './errors';
import type { Importer } from './importer';
import { findCards, sectionsOf, type Card, type Section } from './brescia-cards';
import { readCardIndicators } from './brescia-indicators';
import { personsIn, readManagerTable, type ManagerGroup } from './brescia-managers';
import { unitKey } from './responsible-units';
import { ReviewReport } from './review';
import type { SourceText } from './source-text';

export const bresciaImporter: Importer = {
  id: 'brescia',
  label: 'Camera di Commercio di Brescia: objective cards with manager weights, seed 003',
  sniff(text) {
    const signals = [
      /SCHEDE OBIETTIVI/,
      /OBIETTIVO OPERATIVO \d+\.\d+/,
      /Tipo Indicatore:/,
      /al 30\/6/,
      /Rilevanza oggettiva/,
      /Valore economico/,
    ];
    const hits = signals.filter((s) => s.test(text)).length;
    return hits === signals.length ? 0.95 : hits >= 4 ? 0.6 : hits / 20;
  },
  read(source) {
    return new BresciaReader(source).read();
  },
};

const STRATEGIC_KEY = 'os:1';
const AGENCY_OS_KEY = 'os:AS';
const AGENCY_OO_CODE = 'AS.1';

class BresciaReader {
  private readonly review = new ReviewReport();
  private readonly draft: PlanDraft = emptyDraft('brescia', 'brescia');
  private year = 0;
  private reweightedFrom: string | null = null;
  private readonly oos = new Map<string, OperationalObjectiveDraft & { card: Card; cardWeight: string | null }>();
  private strategic: StrategicObjectiveDraft | null = null;
  private agency: StrategicObjectiveDraft | null = null;
  private fundUnits: Partial<Record<FundKind, string>> = {};

  constructor(private readonly source: SourceText) {}

  read(): { draft: PlanDraft; review: ReviewReport } {
    const cards = findCards(this.source);
    if (cards.length === 0)
      throw new ImportFormatError(
        'no Brescia objective cards ("OBIETTIVO STRATEGICO" / "OBIETTIVO OPERATIVO n.m") found',
      );
    this.readPlanFacts();
    for (const card of cards) this.readCard(card);
    this.readManagers();
    this.draft.perspectives = this.perspectives;
    return { draft: this.draft, review: this.review };
  }

  private readPlanFacts(): void {
    const title = this.source.find(/Piano\s+della\s+Performance\s+((?:19|20)\d\d)\b/i);
    const org = this.source.find(/Camera\s+di\s+Commercio\s+di\s+Brescia/i);
    this.year = Number(/((?:19|20)\d\d)/.exec(title?.text.replace(/.*Performance\s+/i, '') ?? '')?.[1]) || 0;
    if (!this.year) throw new ImportFormatError('the plan year ("Piano della Performance 2020") was not found');
    this.draft.organisation = { code: 'CCIAA-BS', name: 'Camera di Commercio di Brescia' };
    this.draft.cycle = { name: `Piano della Performance ${this.year}`, firstYear: this.year, years: [this.year] };
    this.draft.version = {
      label: `Piano della Performance ${this.year}`,
      revision: 0,
      status: 'draft',
      line: title?.no ?? null,
    };
    this.review.read(
      title?.no ?? null,
      'plan',
      `Plan "Piano della Performance ${this.year}", one year.`,
      `Piano della Performance ${this.year}, un anno.`,
      title?.text.trim() ?? '',
      'PLAN_READ',
    );
    if (org) {
      this.review.read(
        org.no,
        'organisation',
        'Organisation: Camera di Commercio di Brescia (CCIAA-BS).',
        'Ente: Camera di Commercio di Brescia (CCIAA-BS).',
        org.text.trim(),
        'ORGANISATION_READ',
      );
    }
    const phase = this.source.find(/Fase DUE.*secondo semestre/i);
    if (phase) {
      this.reweightedFrom = `${this.year}-07-01`;
      this.review.inferred(
        phase.no,
        'plan',
        'REWEIGHTING_DATE',
        `Redefined manager weights apply from ${this.reweightedFrom} (phase two = second half-year); original weights until the day before.`,
        `I pesi ridefiniti valgono dal ${this.reweightedFrom} (fase due = secondo semestre); quelli originali fino al giorno prima.`,
        phase.text.trim(),
      );
    }
  }

  private readonly perspectives: PerspectiveDraft[] = [];

  private perspectiveFor(name: string, line: number): PerspectiveDraft {
    const found = this.perspectives.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (found) return found;
    const p: PerspectiveDraft = { key: `p:${this.perspectives.length + 1}`, name, line, strategicObjectives: [] };
    this.perspectives.push(p);
    return p;
  }

  private readCard(card: Card): void {
    const s = sectionsOf(this.source, card);
    const title = (s.get('title')?.text ?? '').replace(/\s+/g, ' ').trim();
    const subject =
      card.kind === 'strategic' ? 'strategic objective' : `operational objective ${card.code ?? AGENCY_OO_CODE}`;
    const perspectiveText = (s.get('perspective')?.text ?? '')
      .replace(/^Prospettiva strategica\s*/i, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (card.kind === 'strategic') {
      const perspective = this.perspectiveFor(
        /trasversal/i.test(perspectiveText) ? 'Trasversale a tutte le aree' : perspectiveText || '(non indicata)',
        card.start,
      );
      const so: StrategicObjectiveDraft = {
        key: STRATEGIC_KEY,
        code: '1',
        title,
        description: s.get('description')?.text ?? null,
        line: card.start,
        relevance: this.relevanceOf(s.get('relevance'), subject),
        indicators: [],
        operationalObjectives: [],
        ownShare: this.ownShareOf(s.get('ownShare')),
      };
      this.strategic = so;
      perspective.strategicObjectives.push(so);
      this.review.inferred(
        card.start,
        subject,
        'CODE_ASSIGNED',
        'The strategic card has no code: "1" given.',
        'La scheda strategica non ha codice: assegnato "1".',
        this.source.line(card.start).trim(),
      );
      this.review.read(
        card.start,
        subject,
        `Strategic objective "${title}"; perspective: ${perspective.name}.`,
        `Obiettivo strategico "${title}"; prospettiva: ${perspective.name}.`,
        perspectiveText,
      );
      so.indicators = readCardIndicators(this.review, this.year, s.get('indicators'), `ind:S.`, '1', subject);
      this.readFunds(s.get('fund'), so.relevance ?? null, subject);
      return;
    }
    const code = card.code ?? AGENCY_OO_CODE;
    if (!card.code) {
      this.review.inferred(
        card.start,
        subject,
        'CODE_ASSIGNED',
        `The special agency's card has no code: "${AGENCY_OO_CODE}" given.`,
        `La scheda dell'azienda speciale non ha codice: assegnato "${AGENCY_OO_CODE}".`,
        this.source.line(card.start).trim(),
      );
    }
    const parent = card.agency ? this.agencyObjective(perspectiveText, card.start) : this.strategic;
    if (!parent) {
      this.review.unreadable(
        card.start,
        subject,
        'PARENT_MISSING',
        'Operational card before any strategic card: not imported.',
        'Scheda operativa prima di ogni scheda strategica: non importata.',
        title,
      );
      return;
    }
    const weightText = s.get('weight')?.text ?? '';
    const cardWeight =
      /Peso:\s*(\d+(?:,\d+)?\s*%)/.exec(weightText.replace(/\n/g, ' '))?.[1]?.replace(/\s+/g, '') ?? null;
    const areas = this.unitsOf(s.get('areas'), UnitType.AREA);
    const services = this.unitsOf(s.get('services'), UnitType.SERVIZIO);
    const oo: OperationalObjectiveDraft & { card: Card; cardWeight: string | null } = {
      card,
      cardWeight,
      key: `oo:${code}`,
      code,
      title,
      weight: null,
      line: card.start,
      indicators: [],
      description: s.get('description')?.text ?? null,
      expectedBenefit: s.get('benefit')?.text ?? null,
      plannedActions: s.get('actions')?.text ?? null,
      effort: s.get('effort')?.text.replace(/\s+/g, ' ') ?? null,
      relevance: this.relevanceOf(s.get('relevance'), subject),
      purposeClass: this.purposeOf(s.get('purpose'), subject),
      budgetLines: this.budgetOf(s.get('budget')),
      evidence: this.evidenceOf(s.get('evidence')),
      isNew: card.isNew,
      contributes: false,
      unitKeys: [...areas, ...services],
    };
    this.oos.set(code, oo);
    parent.operationalObjectives.push(oo);
    this.review.read(
      card.start,
      subject,
      `Card ${code}${card.isNew ? ' (NUOVO OBIETTIVO)' : ''} "${title}", card weight ${cardWeight ?? '(none)'}, perspective "${perspectiveText}".`,
      `Scheda ${code}${card.isNew ? ' (NUOVO OBIETTIVO)' : ''} "${title}", peso ${cardWeight ?? '(nessuno)'}, prospettiva "${perspectiveText}".`,
      `${this.source.line(card.start).trim()} | ${weightText.replace(/\n/g, ' ')}`,
    );
    if (!cardWeight) {
      this.review.unreadable(
        s.get('weight')?.line ?? card.start,
        subject,
        'WEIGHT_MISSING',
        'The card prints "Peso:" with no value.',
        'La scheda riporta "Peso:" senza valore.',
        weightText,
      );
    }
    oo.indicators = readCardIndicators(this.review, this.year, s.get('indicators'), `ind:${code}.`, code, subject);
    this.readFunds(s.get('fund'), oo.relevance ?? null, subject);
  }

  private agencyObjective(perspective: string, line: number): StrategicObjectiveDraft {
    if (this.agency) return this.agency;
    const p = this.perspectiveFor(perspective || '(non indicata)', line);
    this.agency = {
      key: AGENCY_OS_KEY,
      code: 'AS',
      title: 'Azienda Speciale Pro Brixia',
      line,
      indicators: [],
      operationalObjectives: [],
    };
    p.strategicObjectives.push(this.agency);
    this.review.inferred(
      line,
      'strategic objective AS',
      'OBJECTIVE_FROM_TABLE',
      "The special agency's strategic objective has no card: created to hold its operational card; its title is taken from the manager table when printed there.",
      "L'obiettivo strategico dell'azienda speciale non ha scheda: creato per contenere la sua scheda operativa; il titolo viene dalla tabella dei pesi se presente.",
      'AZIENDA SPECIALE',
    );
    return this.agency;
  }

  private relevanceOf(section: Section | undefined, subject: string): StrategicObjectiveDraft['relevance'] {
    const text = section?.text.replace(/\s+/g, ' ') ?? '';
    const coefficient = /COEFFICIENTE\s+(\d)/i.exec(text)?.[1];
    const word = /RILEVANZA\s+(ALTA|MEDIA|BASSA)/i.exec(text)?.[1]?.toUpperCase();
    const byCoefficient =
      coefficient === '5'
        ? Relevance.HIGH
        : coefficient === '3'
          ? Relevance.MEDIUM
          : coefficient === '1'
            ? Relevance.LOW
            : null;
    const byWord =
      word === 'ALTA' ? Relevance.HIGH : word === 'MEDIA' ? Relevance.MEDIUM : word === 'BASSA' ? Relevance.LOW : null;
    if (byCoefficient && byWord && byCoefficient !== byWord) {
      this.review.warning(
        section?.line ?? null,
        subject,
        'RELEVANCE_CONFLICT',
        `Relevance ${word} disagrees with coefficient ${coefficient}: the coefficient is kept.`,
        `Rilevanza ${word} in disaccordo con il coefficiente ${coefficient}: si tiene il coefficiente.`,
        text,
      );
    }
    if (!byCoefficient && !byWord) {
      this.review.unreadable(
        section?.line ?? null,
        subject,
        'RELEVANCE_UNREADABLE',
        'Relevance (rilevanza oggettiva) not readable.',
        'Rilevanza oggettiva non leggibile.',
        text,
      );
    }
    return byCoefficient ?? byWord;
  }

  private purposeOf(section: Section | undefined, subject: string): PurposeClass | null {
    const text = section?.text.replace(/\s+/g, ' ') ?? '';
    if (/contenimento\s+dei\s+costi|razionalizzazione/i.test(text)) return PurposeClass.A;
    if (/prodotti\s+o\s+servizi\s+nuovi/i.test(text)) return PurposeClass.B;
    if (/miglioramento\s+continuo|avviato\s+negli\s+anni|procediment/i.test(text)) return PurposeClass.C;
    this.review.unreadable(
      section?.line ?? null,
      subject,
      'PURPOSE_UNREADABLE',
      'Purpose (finalità) not recognised.',
      'Finalità non riconosciuta.',
      text,
    );
    return null;
  }

  private ownShareOf(section: Section | undefined): number | null {
    const text = section?.text.replace(/\s+/g, ' ') ?? '';
    const share = /Indicatori dell'obiettivo strategico\s+Peso:\s*(\d+)\s*%/i.exec(text)?.[1];
    const codes = (section?.lines ?? [])
      .map((l) => /^\s*(\d\.\d)\s*:/.exec(l.text)?.[1])
      .filter((c): c is string => Boolean(c));
    this.contributionCodes = new Set(codes);
    if (section) {
      this.review.read(
        section.line,
        'strategic objective',
        `Own indicators weigh ${share ?? '?'}%; contributing operational objectives: ${codes.join(', ')}.`,
        `Indicatori propri ${share ?? '?'}%; obiettivi operativi che contribuiscono: ${codes.join(', ')}.`,
        text.slice(0, 300),
        'CONTRIBUTION_READ',
      );
    }
    return share ? Number(share) / 100 : null;
  }

  private contributionCodes = new Set<string>();

  private unitsOf(section: Section | undefined, type: UnitType): string[] {
    const text = section?.text
      .replace(/\s+/g, ' ')
      .replace(/\.$/, '')
      .replace(/^coinvolte\s+/i, '')
      .trim();
    if (!text || /^Tutte\b/i.test(text)) return [];
    const name = type === UnitType.SERVIZIO && !/^Servizio\b/i.test(text) ? `Servizio ${text}` : text;
    const key = unitKey(name);
    if (!this.draft.units.some((u) => u.key === key))
      this.draft.units.push({ key, name, type, line: section?.line ?? null });
    return [key];
  }

  private budgetOf(section: Section | undefined): string[] {
    const out: string[] = [];
    for (const l of section?.lines ?? []) {
      const t = l.text.trim();
      if (!t || /^Importo\b/.test(t)) continue;
      if (/^€/.test(t) || out.length === 0) out.push(t);
      else out[out.length - 1] = `${out[out.length - 1]} ${t}`;
    }
    return out.map((b) => b.replace(/\s+/g, ' '));
  }

  private evidenceOf(section: Section | undefined): string[] {
    const out: string[] = [];
    for (const l of section?.lines ?? []) {
      const t = l.text.trim();
      if (/^\d+(\s*e\s*\d+)?\s+\S/.test(t)) out.push(t);
      else if (out.length && t && !/^[A-Z' ]+$/.test(t)) out[out.length - 1] = `${out[out.length - 1]} ${t}`;
    }
    return out.map((e) => e.replace(/\s+/g, ' '));
  }

  /** "3.106 euro x 5 = 15.530 euro": fund unit values, checked against the coefficient and the product (docs/scoring.md §5.9). */
  private readFunds(section: Section | undefined, relevance: Relevance | null, subject: string): void {
    if (!section) return;
    const expected =
      relevance === Relevance.HIGH ? 5 : relevance === Relevance.MEDIUM ? 3 : relevance === Relevance.LOW ? 1 : null;
    const found = section.lines.flatMap((l) => {
      const m = /([\d.]+)\s*euro\s*x\s*(\d+)\s*=\s*([\d.]+)\s*euro/i.exec(l.text);
      return m ? [{ line: l.no, unit: m[1], times: Number(m[2]), total: m[3], text: l.text.trim() }] : [];
    });
    const funds = [FundKind.DIRIGENTI, FundKind.DIPENDENTI];
    found.slice(0, 2).forEach((f, i) => {
      const fund = funds[i];
      const known = this.fundUnits[fund];
      if (!known) {
        this.fundUnits[fund] = f.unit;
        this.draft.funds.push({ fund, unitValue: f.unit, note: `read from "${f.text}"`, line: f.line });
        this.review.read(
          f.line,
          `fund ${fund}`,
          `Fund ${fund}: ${f.unit} € per relevance point.`,
          `Fondo ${fund}: ${f.unit} € per punto di rilevanza.`,
          f.text,
          'FUND_READ',
        );
      } else if (known !== f.unit) {
        this.review.warning(
          f.line,
          subject,
          'INCENTIVE_MISMATCH',
          `The card prints ${f.unit} € per point for fund ${fund}; the plan's unit value is ${known} €. Incentive values are recomputed from ${known} €.`,
          `La scheda riporta ${f.unit} € per punto per il fondo ${fund}; il valore unitario del piano è ${known} €. I valori sono ricalcolati da ${known} €.`,
          f.text,
        );
      }
      const unit = num(this.fundUnits[fund] as string);
      if (expected !== null && f.times !== expected) {
        this.review.warning(
          f.line,
          subject,
          'INCENTIVE_MISMATCH',
          `Coefficient ×${f.times} printed, relevance says ×${expected}.`,
          `Coefficiente ×${f.times} stampato, la rilevanza indica ×${expected}.`,
          f.text,
        );
      } else if (Math.abs(num(f.total) - unit * f.times) > 0.5) {
        this.review.warning(
          f.line,
          subject,
          'INCENTIVE_MISMATCH',
          `Printed incentive ${f.total} € differs from ${unit} × ${f.times} = ${unit * f.times} €.`,
          `Valore stampato ${f.total} € diverso da ${unit} × ${f.times} = ${unit * f.times} €.`,
          f.text,
        );
      }
    });
  }

  private readManagers(): void {
    for (const [code, oo] of this.oos) {
      oo.contributes = this.contributionCodes.has(code);
      if (!oo.contributes && this.strategic?.operationalObjectives.includes(oo)) {
        this.review.read(
          oo.line,
          `operational objective ${code}`,
          `Not in the strategic objective's contribution list${oo.isNew ? ' (new objective)' : ''}: does not count in its contribution component.`,
          `Non è nell'elenco dei contributi dell'obiettivo strategico${oo.isNew ? ' (obiettivo nuovo)' : ''}: non conta nella componente di contributo.`,
          [...this.contributionCodes].join(', '),
          'NOT_CONTRIBUTING',
        );
      }
    }
    const { groups, start } = readManagerTable(this.source);
    if (!start) {
      this.review.unreadable(
        null,
        'managers',
        'MANAGER_TABLE_MISSING',
        'No manager-weight table found.',
        'Tabella dei pesi per dirigente non trovata.',
        '',
      );
      return;
    }
    groups.forEach((g, gi) => this.readGroup(g, gi));
  }

  private readGroup(group: ManagerGroup, index: number): void {
    const people = personsIn(group.label).filter((p, i, all) => all.findIndex((q) => q.fullName === p.fullName) === i);
    const joint = people.length > 1 ? `group ${index + 1}` : null;
    const role = /Segretario/i.test(group.label)
      ? ManagerRoleKind.SECRETARY_GENERAL
      : /Conservatore/i.test(group.label)
        ? ManagerRoleKind.CONSERVATORE
        : ManagerRoleKind.DIRIGENTE;
    const managers = people.map((p, i) =>
      this.person(p.fullName, i === 0 ? role : ManagerRoleKind.DIRIGENTE, group.line),
    );
    if (people.length) {
      this.review.read(
        group.line,
        'managers',
        `Manager group: ${people.map((p) => p.fullName).join(' and ')}${joint ? ' (joint assignment)' : ''}.`,
        `Gruppo: ${people.map((p) => p.fullName).join(' e ')}${joint ? ' (assegnazione congiunta)' : ''}.`,
        group.label,
        'MANAGERS_READ',
      );
    }
    const sums = [0, 0];
    for (const o of group.objectives) {
      const owners = o.ownManager
        ? personsIn(o.ownManager.label).map((p) =>
            this.person(
              p.fullName,
              /Consulente/i.test(o.ownManager!.label) ? ManagerRoleKind.CONSULTANT : ManagerRoleKind.DIRIGENTE,
              o.ownManager!.line,
            ),
          )
        : managers;
      const objectiveKey = this.objectiveKeyOf(
        o.kind,
        o.code,
        o.title,
        people.length === 0 || /Azienda/i.test(group.label),
      );
      const subject = `assignment ${o.code ?? o.kind} (${group.label.slice(0, 40)})`;
      if (!objectiveKey) {
        this.review.unreadable(
          o.line,
          subject,
          'OBJECTIVE_UNKNOWN',
          `Objective "${o.title}" of the table matches no card: not assigned.`,
          `L'obiettivo "${o.title}" della tabella non corrisponde ad alcuna scheda: non assegnato.`,
          o.title,
        );
        continue;
      }
      if (owners.length === 0) {
        this.review.unreadable(
          o.line,
          subject,
          'MANAGER_UNKNOWN',
          `No manager named for group "${group.label}": weights ${o.weights.join(' / ')} not assigned.`,
          `Nessun dirigente indicato per il gruppo "${group.label}": pesi ${o.weights.join(' / ')} non assegnati.`,
          group.label,
        );
        continue;
      }
      let before: string | null = o.weights[0] ?? null;
      let after: string | null = o.weights[1] ?? null;
      const oo = o.code ? this.oos.get(o.code) : undefined;
      if (o.weights.length === 1) {
        if (oo?.isNew) {
          [before, after] = [null, o.weights[0]];
          this.review.inferred(
            o.line,
            subject,
            'WEIGHT_COLUMN',
            `One weight (${o.weights[0]}) for new objective ${o.code}: read as its redefined weight (no original weight).`,
            `Un solo peso (${o.weights[0]}) per l'obiettivo nuovo ${o.code}: letto come peso ridefinito.`,
            `${o.title} ${o.weights[0]}`,
          );
        } else {
          this.review.warning(
            o.line,
            subject,
            'WEIGHT_COLUMN',
            `One weight (${o.weights[0]}) for an objective that is not new: read as the original weight.`,
            `Un solo peso (${o.weights[0]}) per un obiettivo non nuovo: letto come peso originale.`,
            `${o.title} ${o.weights[0]}`,
          );
        }
      }
      sums[0] += before ? num(before) : 0;
      sums[1] += after ? num(after) : 0;
      if (oo?.cardWeight && after && num(oo.cardWeight) !== num(after)) {
        this.review.warning(
          o.line,
          `operational objective ${o.code}`,
          'WEIGHT_DISAGREES',
          `The manager table redefines ${o.code} from ${before ?? '-'} to ${after}, while its card prints ${oo.cardWeight}: the table's versioned weights are used.`,
          `La tabella ridefinisce ${o.code} da ${before ?? '-'} a ${after}, mentre la scheda riporta ${oo.cardWeight}: si usano i pesi versionati della tabella.`,
          `table line ${o.line}: ${o.weights.join(' ')}; card line ${oo.line}: Peso ${oo.cardWeight}`,
        );
      }
      for (const m of owners) {
        const a: AssignmentDraft = {
          managerKey: m.key,
          weightBefore: before,
          weightAfter: after,
          reweightedFrom: this.reweightedFrom,
          jointGroup: owners.length > 1 ? joint : null,
          line: o.weightsLine ?? o.line,
          ...(o.kind === 'strategic'
            ? { strategicObjectiveKey: objectiveKey }
            : { operationalObjectiveKey: objectiveKey }),
        };
        this.draft.assignments.push(a);
      }
      this.review.read(
        o.line,
        subject,
        `${owners.map((m) => m.fullName).join(' + ')}: ${o.code ?? o.kind} weight ${before ?? '-'} → ${after ?? '-'}.`,
        `${owners.map((m) => m.fullName).join(' + ')}: ${o.code ?? o.kind} peso ${before ?? '-'} → ${after ?? '-'}.`,
        `${o.title} ${o.weights.join(' ')}`,
        'ASSIGNMENT_READ',
      );
    }
    if (group.totals) {
      group.totals.forEach((t, i) => {
        if (people.length && Math.abs(sums[i] - num(t)) > 0.1) {
          this.review.warning(
            group.totalsLine,
            'managers',
            'WEIGHT_SUM',
            `Weights of "${group.label}" sum to ${sums[i]}, the printed total is ${t}.`,
            `I pesi di "${group.label}" sommano ${sums[i]}, il totale stampato è ${t}.`,
            `${t}`,
          );
        }
      });
    }
  }

  private objectiveKeyOf(
    kind: 'strategic' | 'operational',
    code: string | null,
    title: string,
    agencyGroup: boolean,
  ): string | null {
    if (kind === 'strategic') {
      if (agencyGroup || /fiere/i.test(title)) {
        if (this.agency && this.agency.title.startsWith('Azienda Speciale')) this.agency.title = title;
        return this.agency ? AGENCY_OS_KEY : null;
      }
      return this.strategic ? STRATEGIC_KEY : null;
    }
    if (code) return this.oos.has(code) ? `oo:${code}` : null;
    return agencyGroup && this.oos.has(AGENCY_OO_CODE) ? `oo:${AGENCY_OO_CODE}` : null;
  }

  private person(fullName: string, role: ManagerRoleKind, line: number): PersonDraft {
    const key = `person:${unitKey(fullName)}`;
    let p = this.draft.persons.find((x) => x.key === key);
    if (!p) {
      p = { key, fullName, roles: [{ role }], line };
      this.draft.persons.push(p);
    }
    return p;
  }
}

function num(raw: string): number {
  const p = parseValue(raw);
  return typeof p.value === 'number' ? p.value : NaN;
}
