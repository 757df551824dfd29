/**
 * A report as one self-contained, print-ready HTML page: A4 landscape (@page), table headers repeated on every
 * printed page, rows never split, Italian number presentation. No scripts, no external resources, every text
 * escaped: it is safe to open from a download and to print to PDF.
 */
import { formatEuro } from '@core/scoring';
import {
  italianDisplay,
  type ReportCell,
  type ReportColumn,
  type ReportDocument,
  type ReportSection,
  type ReportTableRow,
  type PlanApproval,
} from './document';
import { planStatusIt } from '@core/vocabulary/reasons-it';

const CSS = `
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 9pt; color: #111; margin: 0; }
header.doc { border-bottom: 2px solid #1f4e79; margin-bottom: 6mm; }
header.doc h1 { font-size: 15pt; margin: 0 0 1mm 0; color: #1f4e79; }
header.doc p { margin: 0 0 2mm 0; color: #444; }
section { margin-bottom: 8mm; }
section + section { break-before: auto; }
h2 { font-size: 11.5pt; margin: 0 0 1mm 0; color: #1f4e79; break-after: avoid; page-break-after: avoid; }
div.head { break-inside: avoid; break-after: avoid; page-break-after: avoid; }
tbody tr:first-child, tbody tr:nth-child(2) { break-before: avoid; page-break-before: avoid; }
tr.total { break-before: avoid; page-break-before: avoid; }
div.watermark { position: fixed; top: 38%; left: 0; width: 100%; text-align: center; font-size: 110pt; font-weight: bold;
  color: rgba(200, 30, 30, 0.12); transform: rotate(-20deg); z-index: 10; pointer-events: none; letter-spacing: 12mm; }
p.draft { color: #a01818; font-weight: bold; }
section.approval { break-inside: avoid; break-before: avoid; page-break-before: avoid; margin-top: 6mm; }
section:has(+ section.approval) > table tbody tr:nth-last-child(-n+2),
section:has(+ section.approval) > ul.notes { break-after: avoid; page-break-after: avoid; }
section.approval dl.fields { grid-template-columns: 60mm 1fr; }
section.approval dl.fields > * { align-self: end; }
section.approval dd.sign { border-bottom: 0.3mm solid #333; height: 10mm; width: 80mm; }
h2 + p.sub { margin: 0 0 2mm 0; color: #444; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0 0 2mm 0; }
dl.fields dt { font-weight: bold; } dl.fields dd { margin: 0; }
table { width: 100%; border-collapse: collapse; table-layout: auto; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.3mm solid #9aa7b5; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #1f4e79; color: #fff; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table.wide { font-size: 6.5pt; }
table.wide th, table.wide td { padding: 0.5mm 0.8mm; overflow-wrap: break-word; hyphens: auto; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num.words { white-space: normal; }
tr.perspective td { background: #d9e2f3; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
tr.strategic td { background: #eef3fa; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
tr.operational td { font-weight: bold; }
tr.total td { border-top: 0.6mm solid #1f4e79; font-weight: bold; }
tr.warning td { background: #fff4ce; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
tr.error td { background: #fde0e0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
tr.muted td { color: #666; }
ul.notes { margin: 1mm 0 0 0; padding-left: 5mm; color: #444; }
footer.doc { color: #666; font-size: 7.5pt; margin-top: 4mm; }
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function cellText(value: ReportCell, column: ReportColumn): string {
  if (value == null || value === '') return '';
  const numeric = column.kind && column.kind !== 'text';
  if (column.kind === 'euro' && typeof value === 'number') return `${formatEuro(value)}`;
  if (typeof value === 'number') return String(value).replace('.', ',');
  return numeric ? italianDisplay(value) : value;
}

/**
 * A printed cell: the texts of the columns printed inside this one, in column order around its own text (a code
 * before its title, a kpi after it), each after its separator.
 */
function cellHtml(row: ReportTableRow, column: ReportColumn, columns: ReportColumn[]): string {
  let text = '';
  for (const c of columns) {
    const more = cellText(row.cells[c.key] ?? null, c);
    if (more) text = text ? `${text}${c === column ? ' ' : (c.separator ?? ' ')}${more}` : more;
  }
  if (!text) return '<td></td>';
  const numeric = column.kind && column.kind !== 'text';
  // a number stays on one line; words in a number column ("monitoraggio · iniziale: 300") wrap, or the column
  // would take the width the titles beside it need
  const words = numeric && text.length > 14 && /\s/.test(text);
  return `<td${numeric ? ` class="num${words ? ' words' : ''}"` : ''}>${escapeHtml(text)}</td>`;
}

function sectionHtml(section: ReportSection): string {
  const printed = section.columns.filter((c) => !c.printInto);
  const inside = new Map(printed.map((c) => [c.key, section.columns.filter((x) => x === c || x.printInto === c.key)]));
  const head = printed.map((c) => `<th>${escapeHtml(c.printLabel ?? c.label)}</th>`).join('');
  const body = section.rows
    .map(
      (r) =>
        `<tr${r.style ? ` class="${r.style}"` : ''}>${printed.map((c) => cellHtml(r, c, inside.get(c.key)!)).join('')}</tr>`,
    )
    .join('\n');
  const fields = section.fields?.length
    ? `<dl class="fields">${section.fields.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`
    : '';
  const notes = section.notes?.length
    ? `<ul class="notes">${section.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`
    : '';
  // heading, subtitle and card fields travel together and with the first rows: never alone at a page's foot
  return `<section>
<div class="head"><h2>${escapeHtml(section.title)}</h2>${section.subtitle ? `\n<p class="sub">${escapeHtml(section.subtitle)}</p>` : ''}
${fields}</div>${
    section.rows.length || !section.fields
      ? `<table${printed.length > 12 ? ' class="wide"' : ''}>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`
      : ''
  }
${notes}</section>`;
}

const dateIt = (d: Date) => d.toLocaleDateString('it-IT', { timeZone: 'Europe/Rome' });

/** Who approved the plan version and when, and a line to sign; a draft says plainly it is not approved. */
function approvalHtml(approval: PlanApproval, footer: string): string {
  const approved = approval.status !== 'draft';
  const fields: Array<[string, string]> = [
    ['Versione del piano', approval.label],
    ['Stato', planStatusIt(approval.status)],
    ...(approved
      ? ([
          ['Approvata da', approval.approvedBy ?? '—'],
          ['Approvata il', approval.approvedAt ? dateIt(approval.approvedAt) : '—'],
        ] as Array<[string, string]>)
      : []),
    ...(approval.adoptingAct ? ([['Atto di adozione', approval.adoptingAct]] as Array<[string, string]>) : []),
  ];
  return `<section class="approval">
<div class="head"><h2>Approvazione</h2>${approved ? '' : '\n<p class="draft">BOZZA: la versione del piano non è ancora approvata; i valori possono cambiare.</p>'}</div>
<dl class="fields">${fields.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}<dt>Visto (firma)</dt><dd class="sign"></dd></dl>
${footer}
</section>`;
}

/** "Generato da Cruscotto il 05/12/2026, 09:56:09": when the document was made, in Rome's time. */
export function generatedLine(doc: ReportDocument): string {
  return `Generato da Cruscotto il ${doc.generatedAt.toLocaleString('it-IT', { timeZone: 'Europe/Rome' })}`;
}

/**
 * `pageFooter`: the PDF prints the generated line in every page's foot (render-pdf.ts), not after the approval
 * block, where a block that just fits pushed it onto a page of its own.
 */
export function renderHtml(doc: ReportDocument, options: { pageFooter?: boolean } = {}): string {
  const draft = doc.approval && doc.approval.status === 'draft';
  // inside the approval block when there is one (kept on one page): alone after it, it could fall on a page by itself
  const footer = options.pageFooter ? '' : `<footer class="doc">${escapeHtml(generatedLine(doc))}</footer>`;
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
${draft ? '<div class="watermark">BOZZA</div>\n' : ''}<header class="doc"><h1>${escapeHtml(doc.title)}</h1><p>${escapeHtml(doc.subtitle)}</p></header>
${doc.sections.map(sectionHtml).join('\n')}
${doc.approval ? approvalHtml(doc.approval, footer) : footer}
</body>
</html>
`;
}
