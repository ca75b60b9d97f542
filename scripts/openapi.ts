// `npm run openapi:generate` writes openapi.json; `npm run openapi:check` fails when it is stale.
import fs from 'node:fs';
import { generateOpenApiDocument, OPENAPI_FILE } from '../server/http/openapi.js';

const mode = process.argv[2] ?? 'write';
const generated = await generateOpenApiDocument();
if (mode === 'check') {
  const committed = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : '';
  if (committed !== generated) {
    console.error('openapi.json is stale: run `npm run openapi:generate` and commit it.');
    process.exit(1);
  }
  console.log('openapi.json is current.');
} else {
  fs.writeFileSync(OPENAPI_FILE, generated);
  console.log(`Wrote ${OPENAPI_FILE}`);
}
