import path from 'node:path';
import express, { type Router } from 'express';

/**
 * An offline GraphQL IDE at "/": GraphiQL and React served from node_modules, no CDN, so it works on a machine
 * without internet access.
 */
export function graphiqlRouter(endpoint = '/graphql'): Router {
  const router = express.Router();
  const moduleDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
  router.use('/ide/graphiql', express.static(path.join(moduleDir('graphiql'), 'dist'), { index: false }));
  router.use('/ide/graphiql', express.static(moduleDir('graphiql'), { index: false }));
  router.use('/ide/react', express.static(path.join(moduleDir('react'), 'umd'), { index: false }));
  router.use('/ide/react-dom', express.static(path.join(moduleDir('react-dom'), 'umd'), { index: false }));
  router.get('/', (_req, res) => {
    res.type('html').send(page(endpoint));
  });
  return router;
}

/**
 * The query the page opens with. Exported so that a test runs it on the Sondrio plan and checks its answer
 * (test/integration/plan-tree.test.ts): a renamed or removed field fails there, not in front of a user. Its lines
 * are at most 50 characters: in a 1280-pixel-wide window the editor shows about 52 before its toolbar, and the
 * instructions were cut where they name the token's file (test/integration/graphiql.test.ts).
 */
export const EXAMPLE_QUERY = `# Cruscotto: i piani caricati su questo server.
# 1. Incollare il proprio token nella scheda
#    Headers qui sotto ("npm start" lo stampa al
#    primo avvio e lo conserva in
#    data/local-token.txt).
# 2. Premere il pulsante di esecuzione
#    (o Ctrl+Invio).
# (English: the plans on this server. Paste your
# token in the Headers tab below, then press run
# or Ctrl+Enter.)
query Plans {
  planVersionsConnection {
    totalCount
    edges { node {
      id
      label
      status
      cycle { name years }
      perspectives {
        name
        strategicObjectives {
          code
          title
          passMark
          operationalObjectives {
            code
            title
            weight
            indicators {
              code
              title
              weight
              polarity
              targets(year: 2022) {
                year
                effective {
                  value { raw number date }
                }
                thresholds { score value { raw } }
              }
            }
          }
        }
      }
    } }
  }
}
`;

/** Every query needs a token: the page opens on the Headers tab with the header to complete (kept in the browser). */
const DEFAULT_HEADERS = '{\n  "Authorization": "Bearer INCOLLARE-QUI-IL-TOKEN"\n}';

function page(endpoint: string): string {
  return `<!doctype html>
<html lang="it">
<head>
  <meta charset="utf-8">
  <title>Cruscotto – GraphQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/ide/graphiql/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Caricamento di GraphiQL… (loading)</div>
  <script src="/ide/react/react.production.min.js"></script>
  <script src="/ide/react-dom/react-dom.production.min.js"></script>
  <script src="/ide/graphiql/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)},
        defaultHeaders: ${JSON.stringify(DEFAULT_HEADERS)},
        shouldPersistHeaders: true,
        defaultEditorToolsVisibility: 'headers',
      }),
    );
  </script>
</body>
</html>`;
}
