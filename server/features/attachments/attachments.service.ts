/** Task documents: upload, list, download and delete; every change lands in the task's history. */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Attachment } from '../../../shared/tasks.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '../../errors.js';
import { changeWithEvents } from '../../unit-of-work.js';
import type { Actor } from '../auth/actor.js';
import { assertOpen } from '../tasks/task.js';
import { assertCanWork } from '../tasks/task.policy.js';
import * as tasksRepository from '../tasks/tasks.repository.js';
import { loadVisibleTask } from '../tasks/tasks.service.js';
import { cleanContentType, cleanFilename, type Delivery, deliveryOf } from './attachment.js';
import { assertCanDeleteAttachment } from './attachment.policy.js';
import { discardFile, keepFile, openStoredFile, type ReceivedFile, receiveFile, removeStoredFile } from './attachment-files.js';
import * as repository from './attachments.repository.js';

/** One file of an upload request, as the HTTP layer hands it over (not yet read). */
export interface IncomingFile {
  fieldName: string;
  filename: string | undefined;
  contentType: string | undefined;
  stream: Readable & { truncated?: boolean };
}

const FILE_FIELD = 'file';

export async function listAttachments(deps: Deps, actor: Actor, taskId: number): Promise<Attachment[]> {
  const { db } = deps.database;
  await loadVisibleTask(deps, db, actor, taskId);
  return (await repository.listAttachments(db, taskId)).map(repository.presentAttachment);
}

/** Errors while reading the upload: too large stays 413, a broken-off body is the client's (422), a disk error ours (500). */
function uploadError(error: unknown): unknown {
  if (error instanceof PayloadTooLargeError) return error;
  const { statusCode, syscall } = error as { statusCode?: unknown; syscall?: unknown };
  if (statusCode === 413) return new PayloadTooLargeError('The upload has more parts than allowed; send one file per request.');
  if (syscall !== undefined) return error;
  return new ValidationError({
    pointer: `/${FILE_FIELD}`,
    code: 'upload_incomplete',
    detail: 'The file did not arrive completely; upload it again.',
  });
}

/**
 * Stores the file of a multipart upload as a document of the task. `nextFile` is only read once the
 * caller may upload here, so refused uploads store nothing; a failed or aborted upload leaves
 * neither a file nor a row.
 */
export async function addAttachment(
  deps: Deps,
  actor: Actor,
  taskId: number,
  nextFile: () => Promise<IncomingFile | undefined>,
): Promise<Attachment> {
  const { db } = deps.database;
  const { dataDir, uploadLimitBytes } = deps.config;
  const task = await loadVisibleTask(deps, db, actor, taskId);
  assertOpen(task.status);
  assertCanWork(actor, task);

  let received: ReceivedFile;
  let filename: string;
  let contentType: string;
  try {
    const incoming = await nextFile();
    if (!incoming || incoming.fieldName !== FILE_FIELD || !incoming.filename) {
      incoming?.stream.destroy();
      throw new ValidationError({
        pointer: `/${FILE_FIELD}`,
        code: 'required',
        detail: 'Choose a file: send multipart/form-data with the file in a field named “file”.',
      });
    }
    filename = cleanFilename(incoming.filename);
    contentType = cleanContentType(incoming.contentType);
    received = await receiveFile(dataDir, actor.organizationId, incoming.stream, uploadLimitBytes);
  } catch (error) {
    throw error instanceof ValidationError ? error : uploadError(error);
  }

  try {
    const attachment = await changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
      // The upload took time: check again that the task is still open and the caller still works on it.
      const current = await loadVisibleTask(deps, tx, actor, taskId);
      assertOpen(current.status);
      assertCanWork(actor, current);
      const now = deps.clock.now();
      const record = await repository.insertAttachment(
        tx,
        {
          organizationId: actor.organizationId,
          taskId: current.id,
          uploaderId: actor.userId,
          filename,
          contentType,
          size: received.size,
          sha256: received.sha256,
          storageKey: received.storageKey,
        },
        now,
      );
      await tasksRepository.insertEvent(
        tx,
        {
          organizationId: actor.organizationId,
          taskId: current.id,
          actorId: actor.userId,
          kind: 'attachment_added',
          data: { attachmentId: record.id, filename },
        },
        now,
      );
      await emit({ type: 'task.attachments_changed', projectId: current.projectId, taskId: current.id, actorId: actor.userId, data: {} });
      // Last step before commit: if the commit still fails, the catch below removes the file again.
      await keepFile(received);
      return record;
    });
    return repository.presentAttachment(attachment);
  } catch (error) {
    await discardFile(received);
    throw error;
  }
}

/** The attachment and its task if the caller may see the task (404 for the attachment otherwise). */
async function loadVisibleAttachment(deps: Deps, db: Kysely<Schema>, actor: Actor, attachmentId: number) {
  const attachment = await repository.findAttachment(db, actor.organizationId, attachmentId);
  if (!attachment) throw new NotFoundError('This document');
  const task = await loadVisibleTask(deps, db, actor, attachment.taskId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('This document') : error;
  });
  return { attachment, task };
}

export interface Download extends Delivery {
  stream: Readable;
  size: number;
}

/** The bytes of a document, and how to deliver them safely (see `deliveryOf`). */
export async function openAttachment(deps: Deps, actor: Actor, attachmentId: number, inline: boolean): Promise<Download> {
  const { attachment } = await loadVisibleAttachment(deps, deps.database.db, actor, attachmentId);
  const file = await openStoredFile(deps.config.dataDir, attachment.storageKey);
  if (!file) throw new NotFoundError('The file of this document');
  return { ...deliveryOf(attachment, inline), ...file };
}

export async function deleteAttachment(deps: Deps, actor: Actor, attachmentId: number): Promise<void> {
  const deleted = await changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const { attachment, task } = await loadVisibleAttachment(deps, tx, actor, attachmentId);
    assertOpen(task.status);
    assertCanDeleteAttachment(actor, attachment, task.projectRole);
    await repository.deleteAttachment(tx, attachment.id);
    await tasksRepository.insertEvent(
      tx,
      {
        organizationId: actor.organizationId,
        taskId: task.id,
        actorId: actor.userId,
        kind: 'attachment_deleted',
        data: { attachmentId: attachment.id, filename: attachment.filename },
      },
      deps.clock.now(),
    );
    await emit({ type: 'task.attachments_changed', projectId: task.projectId, taskId: task.id, actorId: actor.userId, data: {} });
    return attachment;
  });
  // After commit: a rolled-back delete must still find its file.
  await removeStoredFile(deps.config.dataDir, deleted.storageKey);
}
