// A real SMTP server process that is not SglReference's code (npm smtp-server), standing in for an MSSanté operator:
// STARTTLS or implicit TLS with the given key/certificate, client certificates required and checked against --ca,
// every accepted message written to --out as N.eml with its envelope, one JSON line per event on stdout.
// Failure injection: --rcpt-reject DOMAIN (550 for recipients of that domain; --rcpt-reject-message TEXT is the reply,
// "{local}" standing for the recipient's local part), --data-fail CODE[xN] (answer DATA with CODE, N times then accept;
// N defaults to forever), --data-delay MS (wait before answering DATA: widens the window a crash can fall in),
// --no-starttls (do not offer STARTTLS: a client must not go on in plaintext; MAIL FROM in plaintext is logged),
// --idle-timeout MS (close sessions idle that long, with a 421).
// Usage: node smtp-peer.mjs --key K --cert C --ca CA --out DIR [--implicit-tls] [--port P] [--rcpt-reject d] [--data-fail 451x1]
import { SMTPServer } from 'smtp-server';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  if (name === 'implicit-tls') { args.implicit = true; continue; }
  if (name === 'no-starttls') { args.noStarttls = true; continue; }
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
  authOptional: true, disabledCommands: args.noStarttls ? ['AUTH', 'STARTTLS'] : ['AUTH'], hideSTARTTLS: !!args.noStarttls,
  size: 50 * 1024 * 1024,
  // --idle-timeout MS: a session idle that long is closed by the server (421), as operators drop idle clients.
  socketTimeout: args['idle-timeout'] ? Number(args['idle-timeout']) : undefined,
  onSecure(socket, session, callback) {
    const peer = socket.getPeerCertificate();
    console.log(JSON.stringify({ event: 'secure', authorized: socket.authorized, client: peer && peer.subject ? peer.subject.CN : null }));
    callback();
  },
  onMailFrom(address, session, callback) {
    console.log(JSON.stringify({ event: 'mail-from', secure: !!session.secure }));
    if (!session.secure) return callback(Object.assign(new Error('Must issue a STARTTLS command first'), { responseCode: 530 }));
    callback();
  },
  onRcptTo(address, session, callback) {
    if (args['rcpt-reject'] && address.address.endsWith('@' + args['rcpt-reject'])) {
      const text = (args['rcpt-reject-message'] || '5.1.1 Unknown MSSante mailbox').replace('{local}', address.address.split('@')[0]);
      return callback(Object.assign(new Error(text), { responseCode: 550 }));
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
      const body = Buffer.concat(chunks);
      writeFileSync(file, body);
      const id = (/^message-id:\s*(\S+)/im.exec(body.toString('latin1').split(/\r?\n\r?\n/)[0]) || [])[1] || null;
      console.log(JSON.stringify({ event: 'message', n: count, file, messageId: id, from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map(r => r.address) }));
      const accept = () => callback(null, 'Queued as ' + count);
      if (args['data-delay']) setTimeout(accept, Number(args['data-delay'])); else accept();
    });
  },
});
server.on('error', e => console.log(JSON.stringify({ event: 'error', message: String(e.message || e) })));
server.listen(Number(args.port || 0), '127.0.0.1', () => console.log(JSON.stringify({ event: 'listening', port: server.server.address().port })));
