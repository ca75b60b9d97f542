/**
 * Attachment bytes on disk: `<DATA_DIR>/files/<organizationId>/<random id>`. Paths are built from
 * ids only, never from the uploaded name. An upload streams into a temp file in the same directory
 * (so the final rename is atomic) and becomes visible only once its row is written.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PayloadTooLargeError } from '../../errors.js';

const STORAGE_KEY = /^(\d+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** Temp files start with this, so a sweep after a crash can find leftovers. */
export const TEMP_PREFIX = '.upload-';

export function filesRoot(dataDir: string): string {
  return path.join(dataDir, 'files');
}

/** The file of a stored key; refuses anything that is not `<organizationId>/<uuid>`. */
export function pathOf(dataDir: string, storageKey: string): string {
  const match = STORAGE_KEY.exec(storageKey);
  if (!match) throw new Error(`Not an attachment storage key: ${JSON.stringify(storageKey)}`);
  return path.join(filesRoot(dataDir), match[1]!, match[2]!);
}

/** A fully received upload, still in its temp file. */
export interface ReceivedFile {
  storageKey: string;
  tempPath: string;
  finalPath: string;
  size: number;
  sha256: string;
}

function tooLarge(limitBytes: number): PayloadTooLargeError {
  const megabytes = limitBytes / (1024 * 1024);
  const limit = megabytes >= 1 ? `${Math.round(megabytes * 10) / 10} MB` : `${limitBytes} bytes`;
  return new PayloadTooLargeError(`Files are limited to ${limit}.`);
}

/**
 * Streams `source` into a temp file while counting and hashing it. Rejects with PayloadTooLargeError
 * past `limitBytes` (also when the multipart parser signals its own `limit`), and with the stream's
 * error when the upload breaks off; the temp file is removed in every failure.
 */
export async function receiveFile(
  dataDir: string,
  organizationId: number,
  source: Readable & { truncated?: boolean },
  limitBytes: number,
): Promise<ReceivedFile> {
  const directory = path.join(filesRoot(dataDir), String(organizationId));
  await fs.promises.mkdir(directory, { recursive: true, mode: 0o700 });
  const id = randomUUID();
  const tempPath = path.join(directory, `${TEMP_PREFIX}${id}`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > limitBytes) return callback(tooLarge(limitBytes));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const onLimit = () => meter.destroy(tooLarge(limitBytes));
  source.once('limit', onLimit);
  try {
    await pipeline(source, meter, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
    // The parser truncates at the limit and may end the stream before our listener ran.
    if (source.truncated) throw tooLarge(limitBytes);
  } catch (error) {
    await fs.promises.rm(tempPath, { force: true });
    throw error;
  } finally {
    source.off('limit', onLimit);
  }
  return { storageKey: `${organizationId}/${id}`, tempPath, finalPath: path.join(directory, id), size, sha256: hash.digest('hex') };
}

/** Moves a received file to its final name; atomic, as both are in one directory. */
export async function keepFile(file: ReceivedFile): Promise<void> {
  await fs.promises.rename(file.tempPath, file.finalPath);
}

/** Removes whatever of an upload exists: the temp file, the final file, or neither. */
export async function discardFile(file: ReceivedFile): Promise<void> {
  await Promise.all([fs.promises.rm(file.tempPath, { force: true }), fs.promises.rm(file.finalPath, { force: true })]);
}

export async function removeStoredFile(dataDir: string, storageKey: string): Promise<void> {
  await fs.promises.rm(pathOf(dataDir, storageKey), { force: true });
}

/** An open stored file with its size on disk, or undefined when it is missing. */
export async function openStoredFile(dataDir: string, storageKey: string): Promise<{ stream: Readable; size: number } | undefined> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(pathOf(dataDir, storageKey), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    return { stream: handle.createReadStream(), size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
