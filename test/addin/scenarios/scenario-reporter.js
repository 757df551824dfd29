/**
 * `npm run test:addin` prints one line per scenario: its outcome, its name (which says the issue item or defect it
 * proves) and how long it took, then the count. A failed scenario's line is followed by the first line of its error.
 * The lines are gathered and printed together at the end, so Jest's own output never falls between them.
 */
class ScenarioReporter {
  constructor() {
    this.lines = [];
  }
  onTestResult(_test, result) {
    for (const t of result.testResults) {
      const mark = t.status === 'passed' ? 'OK ' : t.status === 'failed' ? 'KO ' : '-- ';
      const seconds = t.duration == null ? '' : ` (${(t.duration / 1000).toFixed(1)} s)`;
      this.lines.push(`${mark} ${[...t.ancestorTitles, t.title].join(' › ')}${seconds}`);
      if (t.status === 'failed') this.lines.push(`     ${String(t.failureMessages[0] ?? '').split('\n')[0]}`);
    }
  }
  onRunComplete(_contexts, results) {
    const r = results;
    process.stdout.write(`\n${this.lines.join('\n')}\n`);
    process.stdout.write(
      `\nScenari: ${r.numPassedTests} superati, ${r.numFailedTests} falliti, ${r.numPendingTests} saltati\n`,
    );
  }
}
module.exports = ScenarioReporter;
