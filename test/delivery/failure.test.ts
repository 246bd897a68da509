import { classify } from '../../src/delivery/failure';
import type { SmtpTarget } from '../../src/delivery/smtp-session';

const t: SmtpTarget = { host: 'smtp.example.gov.uk', port: 587, secure: false, user: 'cabinet', connectionTimeoutMs: 10000, greetingTimeoutMs: 10000, socketTimeoutMs: 30000 };

/** The errors nodemailer's connection raises (code, original system code, reply), in the officer's words. */
describe('what a failed attempt means', () => {
  it('names the setting to check for a server that cannot be found, reached or logged in to', () => {
    expect(classify({ message: 'getaddrinfo ENOTFOUND smtp.example.gov.uk', code: 'ECONNECTION', originalCode: 'ENOTFOUND' }, 'connecting', t, 600)).toEqual({ kind: 'server', message: 'cannot find the mail server "smtp.example.gov.uk" (no such host name): check delivery.smtp.host' });
    expect(classify({ message: 'connect ECONNREFUSED', code: 'ECONNECTION', originalCode: 'ECONNREFUSED' }, 'connecting', t, 600)).toEqual({ kind: 'server', message: 'cannot reach the mail server smtp.example.gov.uk:587: check delivery.smtp.host and port' });
    expect(classify({ message: 'Invalid login', code: 'EAUTH', response: '535 5.7.8 Authentication credentials invalid', responseCode: 535 }, 'login', t, 600)).toEqual({
      kind: 'server',
      message: 'the mail server smtp.example.gov.uk:587 refused the login (the server said: 535 5.7.8 Authentication credentials invalid): check delivery.smtp.user (or CABINET_SMTP_USER) and CABINET_SMTP_PASSWORD',
    });
  });

  it('retries "try later", fails only the recipient on a refusal', () => {
    expect(classify({ message: 'x', code: 'EENVELOPE', response: '451 4.3.0 Try again later', responseCode: 451 }, 'envelope', t, 600).kind).toBe('retry');
    expect(classify({ message: 'x', code: 'EENVELOPE', response: '550 No such user here', responseCode: 550 }, 'envelope', t, 600)).toEqual({ kind: 'recipient', message: 'the mail server smtp.example.gov.uk:587 refused this message (the server said: 550 No such user here)' });
    // A reply to the whole message is an answer, not a silence: a 4xx there is safe to retry.
    expect(classify({ message: 'x', code: 'EMESSAGE', response: '452 Insufficient storage', responseCode: 452 }, 'handed-over', t, 600).kind).toBe('retry');
  });

  it('a silence or drop is uncertain only once the whole message was handed over; the deadline likewise', () => {
    const silence = { message: 'Timeout', code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' };
    expect(classify(silence, 'envelope', t, 600)).toEqual({ kind: 'server', message: 'the mail server smtp.example.gov.uk:587 stopped answering before the message was sent (no reply for 30 s, delivery.smtp.socketTimeoutMs)' });
    expect(classify(silence, 'handed-over', t, 600).kind).toBe('uncertain');
    expect(classify({ message: 'Connection closed unexpectedly', code: 'ECONNECTION' }, 'message', t, 600)).toEqual({ kind: 'server', message: 'the mail server smtp.example.gov.uk:587 closed the connection while the message was being sent' });
    expect(classify({ message: 'd', code: 'EDEADLINE', aborted: true }, 'login', t, 120)).toEqual({ kind: 'server', message: "not finished when the run's deadline of 120 s (delivery.deadlineSeconds) passed, during the login" });
    expect(classify({ message: 'd', code: 'EDEADLINE', aborted: true }, 'handed-over', t, 120).kind).toBe('uncertain');
  });

  it('a greeting cut short by the connection timeout names that setting', () => {
    const e = { message: 'Greeting never received', code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' };
    expect(classify(e, 'connecting', { ...t, connectionTimeoutMs: 5000 }, 600).message).toMatch(/did not greet within 5 s \(delivery\.smtp\.connectionTimeoutMs\)/);
    expect(classify(e, 'connecting', { ...t, secure: true }, 600).message).toBe('the mail server smtp.example.gov.uk:587 accepted the connection but did not greet within 10 s (delivery.smtp.greetingTimeoutMs)');
  });
});
