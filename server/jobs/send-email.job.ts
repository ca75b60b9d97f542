/** `send-email`: one email to one address, sent outside any transaction and retried until the SMTP server takes it. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Schema } from '../db/schema.js';
import type { EmailContent } from '../emails/messages.js';
import { enqueue, type JobDefinition } from './queue.js';

const SendEmailPayloadSchema = z.object({ to: z.string(), subject: z.string(), text: z.string(), html: z.string(), messageId: z.string() });
type SendEmailPayload = z.infer<typeof SendEmailPayloadSchema>;

/** Queues an email in the caller's transaction; a unique key keeps it to one email however often it is queued. */
export async function queueEmail(
  db: Kysely<Schema>,
  now: Date,
  organizationId: number | null,
  to: string,
  content: EmailContent,
  uniqueKey?: string,
): Promise<void> {
  const messageId = `${now.getTime().toString(36)}.${Math.random().toString(36).slice(2)}`;
  await enqueue(db, sendEmailJob, { to, ...content, messageId }, now, { organizationId, ...(uniqueKey && { uniqueKey }) });
}

export const sendEmailJob: JobDefinition<SendEmailPayload> = {
  type: 'send-email',
  schema: SendEmailPayloadSchema,
  maxAttempts: 10,
  transactional: false,
  handle: async (deps, payload) => {
    const { to, messageId, ...content } = payload;
    await deps.mailer.send(to, content, messageId);
  },
};
