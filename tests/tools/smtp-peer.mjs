// A real SMTP server process that is not SglReference's code (npm smtp-server), standing in for an MSSanté operator:
// STARTTLS or implicit TLS with the given key/certificate, client certificates required and checked against --ca,
// every accepted message written to --out as N.eml with its envelope, one JSON line per event on stdout.
// Failure injection: --rcpt-reject DOMAIN (550 for recipients of that domain), --data-fail CODE[xN] (answer DATA with
// CODE, N times then accept; N defaults to forever).
// Usage: node smtp-peer.mjs --key K --cert C --ca CA --out DIR [--implicit-tls] [--port P] [--rcpt-reject d] [--data-fail 451x1]
import { SMTPServer } from 'smtp-server';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  if (name === 'implicit-tls') { args.implicit = true; continue; }
  args[name] = process.argv[++i];
}
mkdirSync(args.out, { recursive: true });
let count = 0;
let dataFailures = 0;
const [failCode, failTimes] = (args['data-fail'] || '').split('x');

const server = new SMTPServer({
  secure: !!args.implicit,
  key: readFileSync(args.key), cert: readFileSync(args.cert), ca: readFileSync(args.ca),
  requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2',
  authOptional: true, disabledCommands: args.implicit ? ['AUTH'] : ['AUTH'],
  size: 50 * 1024 * 1024,
  onSecure(socket, session, callback) {
    const peer = socket.getPeerCertificate();
    console.log(JSON.stringify({ event: 'secure', authorized: socket.authorized, client: peer && peer.subject ? peer.subject.CN : null }));
    callback();
  },
  onMailFrom(address, session, callback) {
    if (!session.secure) return callback(Object.assign(new Error('Must issue a STARTTLS command first'), { responseCode: 530 }));
    callback();
  },
  onRcptTo(address, session, callback) {
    if (args['rcpt-reject'] && address.address.endsWith('@' + args['rcpt-reject'])) {
      return callback(Object.assign(new Error('5.1.1 Unknown MSSante mailbox'), { responseCode: 550 }));
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', c => chunks.push(c));
    stream.on('end', () => {
      if (failCode && (failTimes === undefined || dataFailures < Number(failTimes))) {
        dataFailures += 1;
        console.log(JSON.stringify({ event: 'refused', code: Number(failCode) }));
        return callback(Object.assign(new Error(failCode.startsWith('4') ? '4.3.0 Try again later' : '5.7.1 Message refused by policy'), { responseCode: Number(failCode) }));
      }
      count += 1;
      const file = join(args.out, `${count}.eml`);
      writeFileSync(file, Buffer.concat(chunks));
      console.log(JSON.stringify({ event: 'message', n: count, file, from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map(r => r.address) }));
      callback(null, 'Queued as ' + count);
    });
  },
});
server.on('error', e => console.log(JSON.stringify({ event: 'error', message: String(e.message || e) })));
server.listen(Number(args.port || 0), '127.0.0.1', () => console.log(JSON.stringify({ event: 'listening', port: server.server.address().port })));
