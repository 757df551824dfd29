/**
 * The page-break reader the document tests rely on (test/helpers/pdf-pages.ts) finds what it is meant to find: a
 * heading at a page's foot with its rows on the next page, and a total row alone under the repeated headers.
 */
import { pageBreakFaults } from '../helpers/pdf-pages';

const HTML = `<section>
<div class="head"><h2>Unità organizzativa: U.O. "Ragioneria"</h2>
<p class="sub">Indicatori di cui l'unità è responsabile</p></div><table>
<thead><tr><th>Cod.</th><th>Obiettivo / Indicatore</th><th>% Realizzazione 2022</th></tr></thead>
<tbody>
<tr class="indicator"><td>3.1.1</td><td>Tempi di pagamento</td><td class="num">90%</td></tr>
<tr class="total"><td></td><td>Totale U.O. "Ragioneria"</td><td class="num">90%</td></tr>
</tbody></table></section>`;

const HEADING = `Unità organizzativa: U.O. "Ragioneria" Indicatori di cui l'unità è responsabile`;
const HEADERS = 'Cod. Obiettivo / Indicatore % Realizzazione 2022';

describe('page breaks read from the printed text', () => {
  it('a well printed document has no fault', () => {
    const pages = [`Relazione 2022 ${HEADING} ${HEADERS} 3.1.1 Tempi di pagamento 90% Totale U.O. "Ragioneria" 90%`];
    expect(pageBreakFaults(pages, HTML)).toEqual([]);
  });

  it('a heading (with its subtitle and column headers) at the foot, the rows on the next page', () => {
    const pages = [
      `1.1 Altro 80% ${HEADING} ${HEADERS}`,
      `${HEADERS} 3.1.1 Tempi di pagamento 90% Totale U.O. "Ragioneria" 90%`,
    ];
    expect(pageBreakFaults(pages, HTML)).toEqual([
      `page 1: heading "Unità organizzativa: U.O. "Ragioneria"" at the foot, its table on page 2`,
    ]);
  });

  it('a total row alone at the top of a page, under the repeated column headers', () => {
    const pages = [`${HEADING} ${HEADERS} 3.1.1 Tempi di pagamento 90%`, `${HEADERS} Totale U.O. "Ragioneria" 90%`];
    expect(pageBreakFaults(pages, HTML)).toEqual([
      'page 2: total row "Totale U.O. "Ragioneria" 90%" alone at the top, away from its rows',
    ]);
  });

  it('the heading on the last page (the approval block) is not a fault', () => {
    expect(pageBreakFaults([`x ${HEADING}`], HTML)).toEqual([]);
  });
});

describe('the approval block read from the printed text', () => {
  const APPROVAL = `${HTML}
<section class="approval">
<div class="head"><h2>Approvazione</h2></div>
<dl class="fields"><dt>Versione del piano</dt><dd>Piano 2022-2024</dd><dt>Stato</dt><dd>approvata</dd><dt>Visto (firma)</dt><dd class="sign"></dd></dl>
<footer class="doc">Generato da Cruscotto il 5/12/2026</footer>
</section>`;
  const BLOCK =
    'Approvazione Versione del piano Piano 2022-2024 Stato approvata Visto (firma) Generato da Cruscotto il 5/12/2026';

  it('alone on the last page is a fault', () => {
    const pages = [`${HEADING} ${HEADERS} 3.1.1 Tempi di pagamento 90% Totale U.O. "Ragioneria" 90%`, BLOCK];
    expect(pageBreakFaults(pages, APPROVAL)).toEqual([
      'page 2: the approval block alone on the last page, away from what it approves',
    ]);
  });

  it('under the last rows it approves is not', () => {
    const pages = [
      `Relazione 2022 ${HEADING} ${HEADERS} 1.1.1 Altro 80%`,
      `${HEADERS} 3.1.1 Tempi di pagamento 90% Totale U.O. "Ragioneria" 90% ${BLOCK}`,
    ];
    expect(pageBreakFaults(pages, APPROVAL)).toEqual([]);
  });
});
