/** Attachment rows in SQL, both engines; the bytes live on disk (attachment-files.ts). */
import type { Kysely } from 'kysely';
import type { Attachment } from '../../../shared/tasks.js';
import { isoFromStored, toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';

/** An attachment as the services work with it: the response shape plus where its bytes are. */
export interface AttachmentRecord extends Attachment {
  organizationId: number;
  storageKey: string;
}

const COLUMNS = [
  'id',
  'organization_id',
  'task_id',
  'uploader_id',
  'filename',
  'content_type',
  'size',
  'sha256',
  'storage_key',
  'created_at',
] as const;

function toRecord(row: {
  id: number;
  organization_id: number;
  task_id: number;
  uploader_id: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: Date | string;
}): AttachmentRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    taskId: row.task_id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploaderId: row.uploader_id,
    storageKey: row.storage_key,
    createdAt: isoFromStored(row.created_at),
  };
}

/** The response shape of an attachment. */
export function presentAttachment(record: AttachmentRecord): Attachment {
  const { organizationId: _organizationId, storageKey: _storageKey, ...attachment } = record;
  return attachment;
}

export async function listAttachments(db: Kysely<Schema>, taskId: number): Promise<AttachmentRecord[]> {
  const rows = await db.selectFrom('attachments').select(COLUMNS).where('task_id', '=', taskId).orderBy('id').execute();
  return rows.map(toRecord);
}

export async function findAttachment(
  db: Kysely<Schema>,
  organizationId: number,
  attachmentId: number,
): Promise<AttachmentRecord | undefined> {
  const row = await db
    .selectFrom('attachments')
    .select(COLUMNS)
    .where('organization_id', '=', organizationId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  return row && toRecord(row);
}

export async function insertAttachment(
  db: Kysely<Schema>,
  attachment: {
    organizationId: number;
    taskId: number;
    uploaderId: number;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
    storageKey: string;
  },
  now: Date,
): Promise<AttachmentRecord> {
  const row = await db
    .insertInto('attachments')
    .values({
      organization_id: attachment.organizationId,
      task_id: attachment.taskId,
      uploader_id: attachment.uploaderId,
      filename: attachment.filename,
      content_type: attachment.contentType,
      size: attachment.size,
      sha256: attachment.sha256,
      storage_key: attachment.storageKey,
      created_at: toStored(now),
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function deleteAttachment(db: Kysely<Schema>, attachmentId: number): Promise<void> {
  await db.deleteFrom('attachments').where('id', '=', attachmentId).execute();
}
