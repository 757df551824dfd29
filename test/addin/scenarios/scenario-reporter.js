/**
 * `npm run test:addin` prints one line per scenario: its outcome, its name (which says the issue item or defect it
 * proves) and how long it took, then the count. A failed scenario's line is followed by the first line of its error.
 */
class ScenarioReporter {
  onTestResult(_test, result) {
    for (const t of result.testResults) {
      const mark = t.status === 'passed' ? 'OK ' : t.status === 'failed' ? 'KO ' : '-- ';
      const seconds = t.duration == null ? '' : ` (${(t.duration / 1000).toFixed(1)} s)`;
      process.stdout.write(`${mark} ${[...t.ancestorTitles, t.title].join(' › ')}${seconds}\n`);
      if (t.status === 'failed') {
        const first = String(t.failureMessages[0] ?? '').split('\n')[0];
        process.stdout.write(`     ${first}\n`);
      }
    }
  }
  onRunComplete(_contexts, results) {
    const r = results;
    process.stdout.write(
      `\nScenari: ${r.numPassedTests} superati, ${r.numFailedTests} falliti, ${r.numPendingTests} saltati\n`,
    );
  }
}
module.exports = ScenarioReporter;
