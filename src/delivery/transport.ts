import nodemailer from 'nodemailer';
import type { DeliverySettings } from '../config/schema';
import { DeliveryRefused } from './papers';
import type { SmtpTarget } from './smtp-session';

/**
 * SMTP from settings, with environment overrides for deployment. The password comes only from
 * CABINET_SMTP_PASSWORD: it is never read from a file, written anywhere or logged.
 */
export function smtpTarget(delivery: DeliverySettings, env: NodeJS.ProcessEnv = process.env): SmtpTarget {
  const smtp = delivery.smtp;
  const port = Number(env.CABINET_SMTP_PORT ?? smtp.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new DeliveryRefused(`CABINET_SMTP_PORT: expected a port number, found "${env.CABINET_SMTP_PORT ?? ''}"`);
  return {
    host: env.CABINET_SMTP_HOST ?? smtp.host,
    port,
    secure: smtp.secure,
    user: env.CABINET_SMTP_USER ?? smtp.user,
    pass: env.CABINET_SMTP_PASSWORD,
    connectionTimeoutMs: smtp.connectionTimeoutMs,
    greetingTimeoutMs: smtp.greetingTimeoutMs,
    socketTimeoutMs: smtp.socketTimeoutMs,
  };
}

/**
 * Builds each message without sending it: the same bytes go to the server or, on a dry run, into an .eml
 * file (unix newlines there, CRLF for SMTP).
 */
export function composer(newline: 'unix' | 'windows') {
  return nodemailer.createTransport({ streamTransport: true, buffer: true, newline });
}
