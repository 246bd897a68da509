import { createHash } from 'node:crypto';

/**
 * A Message-ID in the sender's own domain (RFC 5322 ids are "unique@domain"; spam filters and mail archives
 * expect the domain to be the sender's). Stable for the same message and recipient, so a retry after a drop
 * carries the same id and a receiving server can spot the duplicate.
 */
export function messageId(messageKey: string, recipient: string, from: string): string {
  return `<${messageKey}.${createHash('sha256').update(recipient.toLowerCase()).digest('hex').slice(0, 12)}@${senderDomain(from)}>`;
}

/** The domain of "Democratic Services <ds@example.gov.uk>" or "ds@example.gov.uk". */
export function senderDomain(from: string): string {
  const address = from.match(/<([^<>]+)>\s*$/)?.[1] ?? from;
  const domain = address.split('@').pop()?.trim().toLowerCase() ?? '';
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : 'cabinet-reports.invalid';
}
