/** Sends email through the configured SMTP server (nodemailer); one transport per process. */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import type { EmailContent } from './messages.js';

export interface Mailer {
  readonly enabled: boolean;
  send(to: string, content: EmailContent, messageId: string): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>): Mailer {
  if (!config.smtpUrl) {
    return {
      enabled: false,
      send: async () => {
        throw new Error('Email is not configured: set SMTP_URL.');
      },
      close: () => {},
    };
  }
  const transport: Transporter = nodemailer.createTransport(config.smtpUrl, {});
  const host = new URL(config.publicUrl).hostname || 'spine.local';
  return {
    enabled: true,
    async send(to, content, messageId) {
      await transport.sendMail({
        from: config.mailFrom,
        to,
        subject: content.subject,
        text: content.text,
        html: content.html,
        // Stable per job: a retried send carries the same id, so mail clients can fold a duplicate.
        messageId: `<${messageId}@${host}>`,
      });
    },
    close: () => transport.close(),
  };
}
