// A local FHIR server standing in for the Annuaire Santé API (gateway.api.esante.gouv.fr/fhir/v1), node:http only.
// It answers GET {base}/PractitionerRole?practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|<IDNPS>&mailbox-mss-type=<TRE_R257>|<type>
// with the searchset Bundle in annuaire/<IDNPS>.json (re-typed after the IG's BAL examples), its next pages with
// annuaire/<IDNPS>.page<N>.json (GET {base}?_getpages=<IDNPS>&_getpagesoffset=<N>), an HTTP error with the
// OperationOutcome of annuaire/<IDNPS>.error.json, no answer at all for annuaire/<IDNPS>.hang, and an empty searchset
// for any other professional. Every request needs the header ESANTE-API-KEY = --key (else 401 + OperationOutcome);
// a query without mailbox-mss-type or practitioner.identifier gets 400. One JSON line per request on stdout.
// Usage: node annuaire-peer.mjs --key K [--port P]
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = {};
for (let i = 2; i < process.argv.length; i++) args[process.argv[i].replace(/^--/, '')] = process.argv[++i];
const data = join(dirname(fileURLToPath(import.meta.url)), 'annuaire');
const TYPE_BAL = 'https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL';

function outcome(code, text) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] };
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const base = `http://127.0.0.1:${server.address().port}/fhir/v1`;
  const keyOk = req.headers['esante-api-key'] === args.key;
  console.log(JSON.stringify({ event: 'request', method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), key: keyOk, accept: req.headers.accept || null }));
  const send = (status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/fhir+json; charset=utf-8' });
    res.end(JSON.stringify(body).replaceAll('{base}', base));
  };
  if (!keyOk) return send(401, outcome('security', 'ESANTE-API-KEY absente ou invalide'));
  if (req.method !== 'GET') return send(405, outcome('not-supported', 'GET seulement'));

  let file;
  if (url.pathname === '/fhir/v1' || url.pathname === '/fhir/v1/') {
    const idnps = url.searchParams.get('_getpages');
    file = join(data, `${idnps}.page${url.searchParams.get('_getpagesoffset')}.json`);
    if (!idnps || !existsSync(file)) return send(410, outcome('not-found', 'page de résultats expirée'));
  } else if (url.pathname === '/fhir/v1/PractitionerRole') {
    const identifier = url.searchParams.get('practitioner.identifier') || '';
    const type = url.searchParams.get('mailbox-mss-type') || '';
    const [system, idnps] = identifier.split('|');
    if (system !== 'urn:oid:1.2.250.1.71.4.2.1' || !/^8\d{11}$/.test(idnps || '') || !type.startsWith(TYPE_BAL + '|')) {
      return send(400, outcome('invalid', `paramètres de recherche invalides: ${url.search}`));
    }
    if (existsSync(join(data, `${idnps}.hang`))) return; // never answers
    const error = join(data, `${idnps}.error.json`);
    if (existsSync(error)) {
      const e = JSON.parse(readFileSync(error, 'utf8'));
      return send(e.status, e.body);
    }
    file = join(data, `${idnps}.json`);
    if (!existsSync(file)) {
      return send(200, { resourceType: 'Bundle', type: 'searchset', total: 0, link: [{ relation: 'self', url: `{base}/PractitionerRole${url.search}` }] });
    }
  } else {
    return send(404, outcome('not-found', `ressource inconnue: ${url.pathname}`));
  }
  send(200, JSON.parse(readFileSync(file, 'utf8')));
});
server.listen(Number(args.port || 0), '127.0.0.1', () => console.log(JSON.stringify({ event: 'listening', port: server.address().port })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
