/**
 * Reader of the Brescia plan (seed 003): objective cards ("SCHEDE OBIETTIVI") and the manager-weight table.
 *
 * Model choices (docs/domain.md §2.3, docs/scoring.md §5.6, docs/domain.md §8.3): the cross-cutting strategic card becomes a strategic objective with
 * its own weighted indicators, ownShare from "Indicatori dell'obiettivo strategico Peso: 50%", and the operational
 * cards as children; only those in its contribution list count (`contributes`), new objectives are not added to it.
 * A card's "Peso dell'obiettivo dirigenziale" is a weight in a manager's portfolio, not in the strategic objective, so
 * it lives in the manager assignments (before / after the re-weighting); where card and table disagree it is reported.
 */
import { FundKind, UnitType } from '@core/vocabulary/enums';
import type { PerspectiveDraft, PlanDraft, StrategicObjectiveDraft } from './draft';
import { emptyDraft } from './draft';
import { ImportFormatError } from './errors';
import type { Importer } from './importer';
import { readManagers } from './brescia-assignments';
import { mergeSurnames, responsiblePeople } from './brescia-people';
import { cardPerspectiveOf, reportCardPerspectives } from './brescia-perspectives';
import { budgetOf, evidenceOf, ownShareOf, purposeOf, readFunds, relevanceOf, unitsOf } from './brescia-card-sections';
import { findCards, sectionsOf, type Card } from './brescia-cards';
import { readCardIndicators } from './brescia-indicators';
import {
  AGENCY_OO_CODE,
  AGENCY_OS_KEY,
  STRATEGIC_KEY,
  type BresciaCardObjective,
  type BresciaReading,
} from './brescia-reading';
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

class BresciaReader implements BresciaReading {
  readonly review = new ReviewReport();
  readonly draft: PlanDraft = emptyDraft('brescia', 'brescia');
  year = 0;
  reweightedFrom: string | null = null;
  readonly oos = new Map<string, BresciaCardObjective>();
  strategic: StrategicObjectiveDraft | null = null;
  agency: StrategicObjectiveDraft | null = null;
  fundUnits: Partial<Record<FundKind, string>> = {};
  contributionCodes = new Set<string>();

  constructor(readonly source: SourceText) {}

  read(): { draft: PlanDraft; review: ReviewReport } {
    const cards = findCards(this.source);
    if (cards.length === 0)
      throw new ImportFormatError(
        'no Brescia objective cards ("OBIETTIVO STRATEGICO" / "OBIETTIVO OPERATIVO n.m") found',
      );
    this.readPlanFacts();
    for (const card of cards) this.readCard(card);
    readManagers(this);
    mergeSurnames(this);
    reportCardPerspectives(this);
    this.draft.perspectives = this.perspectives;
    this.reportMissingCards();
    return { draft: this.draft, review: this.review };
  }

  /** Objectives the manager table weighs but no card describes: the text was cut, or cards were left out. */
  private reportMissingCards(): void {
    const missing = this.review.of('unreadable').filter((e) => e.code === 'OBJECTIVE_UNKNOWN');
    if (missing.length === 0) return;
    const last = [...this.source.lines].reverse().find((l) => l.text.trim() !== '');
    const titles = missing.map((e) => `${e.evidence.slice(0, 60)} (line ${e.line})`);
    this.review.warning(
      missing[0].line,
      'document',
      'CARDS_MISSING',
      `The manager table weighs ${missing.length} objective(s) with no card in the text: ${titles.slice(0, 5).join('; ')}${missing.length > 5 ? '; …' : ''}. The text ends at line ${last?.no}: it was probably cut. Import the whole document.`,
      `La tabella dei dirigenti pesa ${missing.length} obiettivi senza scheda nel testo: ${titles.slice(0, 5).join('; ')}${missing.length > 5 ? '; …' : ''}. Il testo finisce alla riga ${last?.no}: è probabilmente troncato. Importare il documento intero.`,
      last?.text.trim().slice(0, 200) ?? '',
    );
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
    const perspectiveText = cardPerspectiveOf(s.get('perspective'));
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
        relevance: relevanceOf(this, s.get('relevance'), subject),
        indicators: [],
        operationalObjectives: [],
        ownShare: ownShareOf(this, s.get('ownShare')),
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
      readFunds(this, s.get('fund'), so.relevance ?? null, subject);
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
    const areas = unitsOf(this, s.get('areas'), UnitType.AREA);
    const services = unitsOf(this, s.get('services'), UnitType.SERVIZIO);
    const oo: BresciaCardObjective = {
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
      relevance: relevanceOf(this, s.get('relevance'), subject),
      purposeClass: purposeOf(this, s.get('purpose'), subject),
      budgetLines: budgetOf(s.get('budget')),
      evidence: evidenceOf(s.get('evidence')),
      isNew: card.isNew,
      contributes: false,
      cardPerspective: perspectiveText || null,
      unitKeys: [...areas, ...services],
      personKeys: responsiblePeople(this, s.get('responsible'), subject),
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
    this.giveUnits(oo, services.length ? services : areas, subject);
    readFunds(this, s.get('fund'), oo.relevance ?? null, subject);
  }

  /**
   * The services a card names answer for its indicators (the area when no service is named), so an editor of one of
   * them can enter the actual values (issue 17): said once per card, as an inference from the card.
   */
  private giveUnits(oo: BresciaCardObjective, unitKeys: string[], subject: string): void {
    if (unitKeys.length === 0 || oo.indicators.length === 0) return;
    for (const i of oo.indicators) i.unitKeys = [...unitKeys];
    const names = unitKeys.map((k) => this.draft.units.find((u) => u.key === k)?.name ?? k).join('; ');
    this.review.inferred(
      oo.line,
      subject,
      'UNITS_FROM_CARD',
      `The ${oo.indicators.length} indicator(s) of card ${oo.code} are given the unit(s) the card names: ${names}.`,
      `Ai ${oo.indicators.length} indicatori della scheda ${oo.code} sono attribuite le unità indicate dalla scheda: ${names}.`,
      names,
    );
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
}
