import nodemailer from 'nodemailer';
import type { DeliverySettings } from '../config/schema';
import { DeliveryRefused } from './papers';

/**
 * SMTP from settings, with environment overrides for deployment. The password comes only from
 * CABINET_SMTP_PASSWORD: it is never read from a file, written anywhere or logged.
 */
export function smtpTransport(delivery: DeliverySettings, env: NodeJS.ProcessEnv = process.env) {
  const smtp = delivery.smtp;
  const host = env.CABINET_SMTP_HOST ?? smtp.host;
  const port = Number(env.CABINET_SMTP_PORT ?? smtp.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new DeliveryRefused(`CABINET_SMTP_PORT: expected a port number, found "${env.CABINET_SMTP_PORT ?? ''}"`);
  const user = env.CABINET_SMTP_USER ?? smtp.user;
  const pass = env.CABINET_SMTP_PASSWORD;
  return nodemailer.createTransport({
    host,
    port,
    secure: smtp.secure,
    // Local relays in tests and on council networks often speak plain SMTP on loopback only.
    ignoreTLS: host === '127.0.0.1' || host === 'localhost' ? true : undefined,
    ...(user ? { auth: { user, pass: pass ?? '' } } : {}),
    // Without these nodemailer waits up to ten minutes on a server that stops answering.
    connectionTimeout: smtp.connectionTimeoutMs,
    greetingTimeout: smtp.greetingTimeoutMs,
    socketTimeout: smtp.socketTimeoutMs,
  });
}

/** Writes messages instead of sending them (--dry-run). */
export function emlTransport() {
  return nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
}
