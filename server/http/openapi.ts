/** The OpenAPI 3.1 document, generated from the route schemas; `openapi.json` at the root is its committed copy. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { systemClock } from '../deps.js';
import { argon2Hasher } from '../features/auth/password.js';
import { Hub } from '../realtime/hub.js';
import { buildApp } from './app.js';

export const OPENAPI_FILE = path.resolve(import.meta.dirname, '../../openapi.json');

/** Builds the app against a throwaway database (routes only; nothing is queried) and renders the document. */
export async function generateOpenApiDocument(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-openapi-'));
  const database = openDatabase({ dataDir });
  try {
    const config = { ...loadConfig({}), dataDir, logLevel: 'silent' as const };
    const app = await buildApp({ config, database, clock: systemClock, passwords: argon2Hasher, realtime: new Hub(database) }, { logger: false });
    await app.ready();
    const document = app.swagger();
    await app.close();
    return `${JSON.stringify(document, null, 2)}\n`;
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
