const path = require('path');

/**
 * Prints the closing lines CI reads: "N passed, N failed, N skipped", and the slowest suites, because the whole run
 * must stay under CI's 45-minute budget on a 2-core machine and the next cut should be chosen from figures.
 */
class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.suites = [];
  }

  onTestResult(_test, result) {
    const seconds = (result.perfStats.end - result.perfStats.start) / 1000;
    this.suites.push({ file: path.relative(this.rootDir, result.testFilePath), seconds });
  }

  onRunComplete(_contexts, results) {
    const slowest = [...this.suites].sort((a, b) => b.seconds - a.seconds).slice(0, 20);
    const total = this.suites.reduce((sum, suite) => sum + suite.seconds, 0);
    const lines = slowest.map((suite) => `  ${suite.seconds.toFixed(1).padStart(7)} s  ${suite.file}`);
    process.stdout.write(
      `\nSlowest suites (${this.suites.length} suites, ${total.toFixed(0)} s in all):\n${lines.join('\n')}\n`,
    );
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
    process.stdout.write(`\nTests: ${line}\n`);
  }
}
module.exports = SummaryReporter;
