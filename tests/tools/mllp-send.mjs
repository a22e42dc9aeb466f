// An MLLP sender that is not SglReference's code, standing in for the PFI sending its business acknowledgements
// (ZAM): connects over TLS with a client certificate, sends each file as it is (the official example files use LF
// segment separators), waits for the answer, and parses it with @redoxengine/redox-hl7-v2.
// Prints a JSON array: one {file, ack: {msh9, msh12, msa1, msa2, err3}} per file.
// --no-cr frames each message <VT>...<FS> without the trailing CR; --timeout S (default 20) bounds each wait.
// Usage: node mllp-send.mjs --host H --port P --key K --cert C --ca CA [--servername N] [--no-cr] [--timeout S] FILE...
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const hl7v2 = require('@redoxengine/redox-hl7-v2');

const args = { files: [] };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--no-cr') args.noCr = true;
  else if (a.startsWith('--')) args[a.slice(2)] = process.argv[++i]; else args.files.push(a);
}

const VT = 0x0b, FS = 0x1c, CR = 0x0d;

function exchange(socket, payload) {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const seconds = Number(args.timeout || 20);
    const timer = setTimeout(() => reject(new Error(`no acknowledgement within ${seconds} s`)), seconds * 1000);
    const onData = chunk => {
      buffer = Buffer.concat([buffer, chunk]);
      const start = buffer.indexOf(VT);
      const end = buffer.indexOf(FS);
      if (start >= 0 && end > start && end + 1 < buffer.length && buffer[end + 1] === CR) {
        clearTimeout(timer);
        socket.off('data', onData);
        resolve(buffer.subarray(start + 1, end).toString('utf8'));
      }
    };
    socket.on('data', onData);
    socket.write(Buffer.concat([Buffer.from([VT]), payload, Buffer.from(args.noCr ? [FS] : [FS, CR])]));
  });
}

const socket = tls.connect({
  host: args.host, port: Number(args.port), key: readFileSync(args.key), cert: readFileSync(args.cert),
  ca: readFileSync(args.ca), servername: args.servername || 'localhost', minVersion: 'TLSv1.2',
});
await new Promise((resolve, reject) => { socket.once('secureConnect', resolve); socket.once('error', reject); });
const results = [];
for (const file of args.files) {
  const raw = await exchange(socket, readFileSync(file));
  const ack = new hl7v2.Parser().parse(raw);
  const err = ack.ERR ? (Array.isArray(ack.ERR) ? ack.ERR[0] : ack.ERR) : null;
  results.push({
    file,
    raw,
    ack: {
      msh9: [ack.MSH['9']['1'], ack.MSH['9']['2'], ack.MSH['9']['3']].filter(Boolean).join('^'),
      msh12: ack.MSH['12']['1'] ?? ack.MSH['12'],
      msa1: ack.MSA['1'], msa2: ack.MSA['2'],
      err3: err ? err['3']?.['1'] ?? null : null,
    },
  });
}
socket.end();
process.stdout.write(JSON.stringify(results, null, 1));
