/**
 * Polarities to confirm, from the pane (issue 14, item 2): the bound plan's planLint polarity findings — a polarity
 * decided by a value, the default standing in, or a suggestion from the KPI's words — listed for whoever may change
 * the plan, with one button that confirms them all (`confirmPolarities`, all: true) and, in a draft plan, a box to
 * accept the words' suggestions first. Words never change a score unless someone ticks that box.
 */
import type { PolarityFinding } from '../api/client';
import { format, type Language } from '../i18n';
import type { WorkbookSession } from '../sync/session';
import { byId, element, onClicks, setTexts } from './dom';

export const POLARITY_WORDS = {
  it: {
    heading: 'Polarità da confermare',
    count: '{count} indicatori con la polarità decisa dal valore o dal valore predefinito, non ancora confermata.',
    suggestions: '{count} suggerimenti dalle parole del KPI.',
    more: '… e altri {count}.',
    accept: 'Accetta anche i suggerimenti (cambiano i punteggi)',
    confirm: 'Conferma tutte ({count})',
    confirmed: 'Polarità confermate: {count}.',
  },
  en: {
    heading: 'Polarities to confirm',
    count: '{count} indicators whose polarity was decided by a value or the default, not confirmed yet.',
    suggestions: "{count} suggestions from the KPI's words.",
    more: '… and {count} more.',
    accept: 'Also accept the suggestions (they change scores)',
    confirm: 'Confirm all ({count})',
    confirmed: 'Polarities confirmed: {count}.',
  },
} as const;

/** findings shown by name; the rest are counted */
const SHOWN = 8;

export class PolarityView {
  private readonly words: (typeof POLARITY_WORDS)['it' | 'en'];

  constructor(
    private readonly session: WorkbookSession,
    private readonly language: Language,
    /** runs the confirmation as one of the pane's operations (buttons off, outcome in the summary) */
    private readonly run: (work: () => Promise<string>) => Promise<void>,
  ) {
    this.words = POLARITY_WORDS[language];
    setTexts({ 'polarity-heading': this.words.heading, 'polarity-accept-label': this.words.accept });
    onClicks({ 'polarity-confirm': () => void this.confirm() });
  }

  /** shows the findings of the bound plan to a user who may change it; hides the section otherwise */
  async render(connected: boolean): Promise<void> {
    const section = byId('polarity');
    const access = this.session.access;
    const mayChange = connected && !!access && (access.reason === null || access.reason === 'approved');
    let findings: PolarityFinding[] = [];
    if (mayChange) findings = await this.session.polarityFindings().catch(() => []);
    const unconfirmed = findings.filter((f) => f.code !== 'POLARITY_SUGGESTION');
    section.hidden = unconfirmed.length === 0;
    if (section.hidden) return;
    const suggested = findings.filter((f) => f.code === 'POLARITY_SUGGESTION');
    byId('polarity-count').textContent = [
      format(this.words.count, { count: unconfirmed.length }),
      suggested.length ? format(this.words.suggestions, { count: suggested.length }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    const text = (f: PolarityFinding) =>
      `${f.subjectCode ?? ''} ${this.language === 'it' ? f.messageIt : f.message}`.trim();
    const shown = [...suggested, ...unconfirmed].slice(0, SHOWN);
    const rest = suggested.length + unconfirmed.length - shown.length;
    byId('polarity-list').replaceChildren(
      ...shown.map((f) => element('li', { 'data-code': f.code }, text(f))),
      ...(rest > 0 ? [element('li', {}, format(this.words.more, { count: rest }))] : []),
    );
    // a suggestion changes scores: only a draft plan takes it (the server refuses it otherwise)
    byId('polarity-accept-row').hidden = suggested.length === 0 || access?.reason !== null;
    byId<HTMLInputElement>('polarity-accept').checked = false;
    byId('polarity-confirm').textContent = format(this.words.confirm, { count: unconfirmed.length });
  }

  private async confirm(): Promise<void> {
    const accept = !byId('polarity-accept-row').hidden && byId<HTMLInputElement>('polarity-accept').checked;
    await this.run(async () => {
      const count = await this.session.confirmPolarities(accept);
      return format(this.words.confirmed, { count });
    });
  }
}
