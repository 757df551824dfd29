/**
 * Webpack plugin: from the functions.json custom-functions-metadata-plugin generated (English names, the manifest's
 * default), writes functions-it.json with the Italian names and descriptions of addin/src/functions/italian.json
 * (=CRUSCOTTO.REALIZZAZIONE in an Italian Excel, =CRUSCOTTO.REALIZATION in an English one). The manifest points
 * it-IT at this file (the documented way to localise custom functions' names). A function or parameter without an
 * Italian entry fails the build, so a new one cannot ship in English only.
 */
const fs = require('node:fs');
const path = require('node:path');

const ITALIAN = path.join(__dirname, '..', 'src', 'functions', 'italian.json');

function localise(metadata, italian) {
  const missing = [];
  const functions = metadata.functions.map((f) => {
    const words = italian[f.id];
    if (!words) missing.push(f.id);
    return {
      ...f,
      name: words?.name ?? f.name,
      description: words?.description ?? f.description,
      parameters: f.parameters.map((p) => {
        const own = italian.parameters[p.name];
        if (!own) missing.push(`${f.id}.${p.name}`);
        return { ...p, name: own?.name ?? p.name, description: own?.description ?? p.description };
      }),
    };
  });
  return { metadata: { ...metadata, functions }, missing };
}

class LocalisedFunctionsPlugin {
  constructor({ from = 'functions.json', to = 'functions-it.json' } = {}) {
    this.from = from;
    this.to = to;
  }
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('LocalisedFunctionsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalisedFunctionsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset(this.from);
          if (!source) {
            compilation.errors.push(new WebpackError(`${this.from} was not generated`));
            return;
          }
          const italian = JSON.parse(fs.readFileSync(ITALIAN, 'utf8'));
          const { metadata, missing } = localise(JSON.parse(source.source.source().toString()), italian);
          if (missing.length) compilation.errors.push(new WebpackError(`no Italian words for ${missing.join(', ')}`));
          compilation.emitAsset(this.to, new sources.RawSource(`${JSON.stringify(metadata, null, 2)}\n`));
        },
      );
    });
  }
}

module.exports = { LocalisedFunctionsPlugin, localise };
