// `npm run db:new-migration -- <name>`: a timestamped migration file, registered in the stream.
import fs from 'node:fs';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  console.error('Usage: npm run db:new-migration -- <kebab-case-name>');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 13); // 20261121T2330
const id = `${stamp}-${name}`;
const directory = path.resolve(import.meta.dirname, '../server/db/migrations');
const file = path.join(directory, `${id}.ts`);
fs.writeFileSync(
  file,
  `// TODO: one line on why this migration exists.
import type { Kysely } from 'kysely';
import type { MigrationEngine } from './index.js';

export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {}
`,
);
const indexFile = path.join(directory, 'index.ts');
const camel = name.replace(/-([a-z0-9])/g, (_match, character: string) => character.toUpperCase());
let index = fs.readFileSync(indexFile, 'utf8');
index = index.replace(/(\nexport type MigrationEngine)/, `import * as ${camel} from './${id}.js';\n$1`);
index = index.replace(/\n\];\n$/, `\n  { name: '${id}', up: ${camel}.up },\n];\n`);
fs.writeFileSync(indexFile, index);
console.log(`Created ${path.relative(process.cwd(), file)}`);
