/**
 * jsdom as the core's browser: jsdom itself lacks structuredClone, which every browser that runs the add-in has
 * (Edge WebView2, Safari ≥ 15.4, the browsers of Excel on the web), so it is lent from Node's own implementation.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

class BrowserEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.structuredClone = globalThis.structuredClone;
  }
}

module.exports = BrowserEnvironment;
