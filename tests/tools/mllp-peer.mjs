// An MLLP peer that is not SglReference's code: a Node TLS server standing in for a hospital PFI. It requires a client
// certificate chained to --ca, parses each received message with @redoxengine/redox-hl7-v2, writes it to --out, and
// answers following --script, one action per received message (the last action repeats):
//   AA | AE | AR   an ACK^R01^ACK with that MSA-1 (AE carries ERR 207 + application error 905, AR carries ERR 207)
//   CA             an enhanced-mode commit acknowledgement (MSA-1 CA), which is not an application acceptance
//   NOTACK         an ORU^R01 message (not an ACK) that carries MSA|AA|<the control id>
//   WRONGID        an ACK AA whose MSA-2 names another message
//   NOCR           an ACK AA framed <VT>...<FS> without the trailing CR (the peer then waits)
//   SLOWAA         an ACK AA, 1.5 s after the message (time for a test to break something on the sender's side)
//   CLOSE          close the connection without answering
//   AACLOSE        answer AA, then close the connection (a peer dropping a kept-open connection)
//   SILENT         never answer (the sender's ACK timeout fires)
// Prints one JSON line {"port": N} when listening, then one JSON line per message received, and
// with --log-connections yes one per connection ({"event":"connection"}, after the TLS handshake).
// Usage: node mllp-peer.mjs --key K --cert C --ca CA --out DIR --script AA,AE,AR,AA [--plain]
import tls from 'node:tls';
import net from 'node:net';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const hl7v2 = require('@redoxengine/redox-hl7-v2');

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  if (name === 'plain') { args.plain = true; continue; }
  args[name] = process.argv[++i];
}
const script = (args.script || 'AA').split(',');
mkdirSync(args.out, { recursive: true });
let received = 0;

const VT = 0x0b, FS = 0x1c, CR = 0x0d;

function ackFor(message, code) {
  const header = message.split(/\r\n|\r|\n/)[0];
  const f = header.split('|');
  const controlId = code === 'WRONGID' ? 'OTHER' + f[9] : f[9];
  const now = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const type = code === 'NOTACK' ? 'ORU^R01^ORU_R01' : 'ACK^R01^ACK';
  const msa1 = code === 'CA' ? 'CA' : (code === 'NOTACK' || code === 'WRONGID' || code === 'NOCR' || code === 'SLOWAA') ? 'AA' : code;
  const segments = [
    `MSH|^~\\&|${f[4]}|${f[5]}|${f[2]}|${f[3]}|${now}||${type}|ACK${now}${received}|${f[10]}|2.5|||||FRA|UNICODE UTF-8`,
    `MSA|${msa1}|${controlId}`,
  ];
  if (code === 'AE') segments.push('ERR||PID^1^3|207^Application error^messageErrorCondition|E|905^L\'INS transmis n\'est pas complet^applicationErrorCondition');
  if (code === 'AR') segments.push('ERR|||207^Application error^messageErrorCondition|E|906^Erreur \'Autre\'^applicationErrorCondition');
  return Buffer.from(segments.join('\r') + '\r', 'utf8');
}

function onConnection(socket) {
  if (args['log-connections']) console.log(JSON.stringify({ event: 'connection' }));
  let buffer = Buffer.alloc(0);
  socket.on('data', chunk => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const start = buffer.indexOf(VT);
      const end = buffer.indexOf(FS);
      if (start < 0 || end < 0 || end + 1 >= buffer.length || buffer[end + 1] !== CR) return;
      const payload = buffer.subarray(start + 1, end);
      buffer = buffer.subarray(end + 2);
      const action = script[Math.min(received, script.length - 1)];
      received += 1;
      const text = payload.toString('utf8');
      const file = join(args.out, `received-${received}.hl7`);
      writeFileSync(file, payload);
      let parsed = null;
      let error = null;
      try { parsed = new hl7v2.Parser().parse(text); } catch (e) { error = String(e.message || e); }
      const peer = socket.getPeerCertificate ? socket.getPeerCertificate() : null;
      console.log(JSON.stringify({
        n: received, action, file, bytes: payload.length,
        msh9: parsed ? [parsed.MSH['9']['1'], parsed.MSH['9']['2'], parsed.MSH['9']['3']].join('^') : null,
        msh10: parsed ? parsed.MSH['10'] : null, parseError: error,
        authorized: socket.authorized ?? null, clientCertificateSubject: peer && peer.subject ? peer.subject.CN : null,
      }));
      if (action === 'CLOSE') { socket.destroy(); return; }
      if (action === 'SILENT') return;
      if (action === 'AACLOSE') { socket.end(Buffer.concat([Buffer.from([VT]), ackFor(text, 'AA'), Buffer.from([FS, CR])]), () => socket.destroy()); return; }
      const frame = Buffer.concat([Buffer.from([VT]), ackFor(text, action), Buffer.from(action === 'NOCR' ? [FS] : [FS, CR])]);
      if (action === 'SLOWAA') setTimeout(() => socket.write(frame), 1500); else socket.write(frame);
    }
  });
  socket.on('error', () => {});
}

const server = args.plain
  ? net.createServer(onConnection)
  : tls.createServer({
      key: readFileSync(args.key), cert: readFileSync(args.cert), ca: readFileSync(args.ca),
      requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2',
    }, onConnection);
server.on('tlsClientError', e => console.log(JSON.stringify({ tlsClientError: String(e.message || e) })));
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
