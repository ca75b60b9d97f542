/** The OpenAPI 3.1 document, generated from the route schemas; `openapi.json` at the root is its committed copy. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { composeDeps } from '../compose.js';
import { buildApp } from './app.js';

export const OPENAPI_FILE = path.resolve(import.meta.dirname, '../../openapi.json');

/** Builds the app against a throwaway database (routes only; nothing is queried) and renders the document. */
export async function generateOpenApiDocument(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-openapi-'));
  const database = openDatabase({ dataDir });
  try {
    const config = { ...loadConfig({}), dataDir, logLevel: 'silent' as const };
    const composed = await composeDeps(config, database, { listen: false });
    const app = await buildApp(composed.deps, { logger: false });
    await app.ready();
    const document = app.swagger() as { components?: { schemas?: Record<string, unknown> } };
    // Schema components come in registration order, which depends on what loaded first: sort them.
    const schemas = document.components?.schemas;
    if (schemas && document.components) {
      document.components.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
    }
    await app.close();
    await composed.close();
    return `${JSON.stringify(document, null, 2)}\n`;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
