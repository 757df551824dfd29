/**
 * The adversarial corpus kept in the project (issue 13, item 8): over 700 inputs in ten families — numbers, dates,
 * formulas, unicode, huge cells, structure, transport, GraphQL types, JSON parameters, file routes — sent to the real
 * server over HTTP on every database. Each is counted as a clear refusal, a valid acceptance or "other"; the counts are
 * printed, and any "other" fails the test: an internal error, a stack trace or path in an answer, a partial write,
 * garbage accepted or a valid value refused.
 */
import { describeOnSondrio } from '../helpers/sondrio-server';
import { cellCases } from './adversarial/cell-families';
import { runCells } from './adversarial/cell-runner';
import { requestCases, runRequests } from './adversarial/request-families';
import { runStructure } from './adversarial/structure-family';
import { Tally } from './adversarial/tally';

describeOnSondrio('the adversarial corpus (%s)', (sondrio, dialect) => {
  it('answers every input with a clear refusal or a faithful acceptance', async () => {
    const { server, plan } = sondrio;
    const tally = new Tally();
    const times: string[] = [];
    const timed = async (what: string, run: () => Promise<void>) => {
      const started = Date.now();
      await run();
      times.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    };
    await timed('cells', () => runCells(server, plan.planId, plan.operational('1.3').rowId, cellCases(), tally, 'Z'));
    await timed('structure', () => runStructure(server, plan, tally));
    await timed('requests', () => runRequests(server, plan, requestCases(), tally));
    const counts = tally.counts();
    const total = tally.verdicts.length;
    console.log(
      `adversarial corpus (${dialect}): ${total} inputs (${times.join(', ')})\n` +
        Object.entries(counts)
          .map(([family, c]) => `  ${family.padEnd(16)} refused ${c.refused}, accepted ${c.accepted}, other ${c.other}`)
          .join('\n'),
    );
    expect(tally.others()).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(700);
    for (const family of [
      'numbers',
      'dates',
      'formulas',
      'unicode',
      'huge cells',
      'structure',
      'transport',
      'GraphQL types',
      'JSON parameters',
      'file routes',
    ])
      expect([family, (counts[family]?.refused ?? 0) + (counts[family]?.accepted ?? 0)]).toEqual([
        family,
        expect.any(Number),
      ]);
  });
});
