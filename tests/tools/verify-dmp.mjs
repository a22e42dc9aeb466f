// Independent check of DMP requests (artifact form: "Content-Type: ..." line, blank line, body) with npm xml-crypto:
// the VIHF enveloped signature, the IHE DSG / XAdES submission-set signature (core validation), each manifest
// reference digest against the MTOM parts (C14N with comments by xml-crypto when declared), the XAdES CertDigest.
// Usage: node verify-dmp.mjs FILE... ; prints one JSON line per file.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { SignedXml, C14nCanonicalizationWithComments } from "xml-crypto";
import { DOMParser } from "@xmldom/xmldom";
import xpath from "xpath";

const DS = "http://www.w3.org/2000/09/xmldsig#";
const hashOf = (uri) => ({ "http://www.w3.org/2000/09/xmldsig#sha1": "sha1", "http://www.w3.org/2001/04/xmlenc#sha256": "sha256" })[uri];
const local = (node, path) => xpath.select(path, node);

function param(contentType, name) {
  const m = contentType.match(new RegExp(`${name}="([^"]*)"`, "i")) || contentType.match(new RegExp(`${name}=([^;\\s]*)`, "i"));
  return m ? m[1] : null;
}

function parts(contentType, body) {
  const boundary = Buffer.from("--" + param(contentType, "boundary"));
  const result = [];
  let at = body.indexOf(boundary);
  while (at >= 0) {
    let start = at + boundary.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    start += 2; // CRLF after the delimiter
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), boundary]), start);
    if (next < 0) throw new Error("unterminated part");
    const part = body.subarray(start, next);
    const split = part.indexOf("\r\n\r\n");
    const headers = {};
    for (const line of part.subarray(0, split).toString("latin1").split("\r\n")) {
      const i = line.indexOf(":");
      headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    result.push({ id: (headers["content-id"] || "").replace(/^<|>$/g, ""), type: headers["content-type"], content: part.subarray(split + 4) });
    at = next + 2;
  }
  return result;
}

function pem(certNode) {
  const b64 = certNode.textContent.replace(/\s+/g, "");
  return "-----BEGIN CERTIFICATE-----\n" + b64.match(/.{1,64}/g).join("\n") + "\n-----END CERTIFICATE-----\n";
}

function check(xmlText, signatureNode) {
  const cert = local(signatureNode, ".//*[local-name()='X509Certificate']")[0];
  if (!cert) return { ok: false, error: "no certificate" };
  try {
    const sig = new SignedXml({ publicCert: pem(cert) });
    sig.loadSignature(signatureNode);
    const ok = sig.checkSignature(xmlText);
    return { ok, error: ok ? null : "does not verify", cert: cert.textContent.replace(/\s+/g, "") };
  } catch (e) {
    return { ok: false, error: String(e.message || e), cert: cert.textContent.replace(/\s+/g, "") };
  }
}

function verify(file) {
  const raw = readFileSync(file);
  const end = raw.indexOf("\r\n\r\n");
  const contentType = raw.subarray(0, end).toString("ascii").replace(/^Content-Type: /, "");
  const body = raw.subarray(end + 4);
  let envelope, byCid = {};
  if (/^multipart\/related/i.test(contentType)) {
    const all = parts(contentType, body);
    const start = (param(contentType, "start") || "").replace(/^<|>$/g, "");
    const root = all.find((p) => p.id === start);
    envelope = root.content.toString("utf8");
    for (const p of all) if (p !== root) byCid[p.id] = p.content;
  } else {
    envelope = body.toString("utf8");
  }
  const doc = new DOMParser().parseFromString(envelope, "text/xml");
  const result = { file, vihf: null, xades: null, manifest: null, certDigest: null };
  const assertion = local(doc, "//*[local-name()='Assertion' and namespace-uri()='urn:oasis:names:tc:SAML:2.0:assertion']")[0];
  if (assertion) {
    const sig = local(assertion, "./*[local-name()='Signature' and namespace-uri()='" + DS + "']")[0];
    const r = sig ? check(envelope, sig) : { ok: false, error: "no signature" };
    result.vihf = r.ok;
    result.vihfError = r.error;
  }
  // The signature document: the xdsb:Document of the entry whose classCode is the IHE DSG one.
  const entries = local(doc, "//*[local-name()='ExtrinsicObject']");
  const uniqueIdOf = (e) => local(e, "./*[local-name()='ExternalIdentifier' and @identificationScheme='urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value")[0]?.value;
  const contentOf = (id) => {
    const include = local(doc, `//*[local-name()='Document' and @id='${id}']/*[local-name()='Include']/@href`)[0];
    return include ? byCid[decodeURIComponent(include.value.replace(/^cid:/, ""))] : undefined;
  };
  const signatureEntry = entries.find((e) => local(e, "./*[local-name()='Classification' and @classificationScheme='urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a']/@nodeRepresentation")[0]?.value === "urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1");
  if (signatureEntry) {
    const bytes = contentOf(signatureEntry.getAttribute("id"));
    const text = bytes.toString("utf8");
    const sigDoc = new DOMParser().parseFromString(text, "text/xml");
    const r = check(text, sigDoc.documentElement);
    result.xades = r.ok;
    result.xadesError = r.error;
    const ssUid = local(doc, "//*[local-name()='RegistryPackage']/*[local-name()='ExternalIdentifier' and @identificationScheme='urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8']/@value")[0]?.value;
    result.manifest = [];
    for (const ref of local(sigDoc, "//*[local-name()='Manifest' and @Id='IHEManifest']/*[local-name()='Reference']")) {
      const uri = ref.getAttribute("URI");
      const value = local(ref, "./*[local-name()='DigestValue']")[0].textContent.trim();
      const algo = hashOf(local(ref, "./*[local-name()='DigestMethod']/@Algorithm")[0].value);
      const uid = uri.replace(/^urn:oid:/, "");
      if (uid === ssUid) { result.manifest.push({ uri, ok: value === "AA==" }); continue; }
      const entry = entries.find((e) => uniqueIdOf(e) === uid && e !== signatureEntry);
      const content = entry && contentOf(entry.getAttribute("id"));
      if (!content) { result.manifest.push({ uri, ok: false, error: "not a submitted document" }); continue; }
      const c14n = local(ref, "./*[local-name()='Transforms']/*[local-name()='Transform']/@Algorithm").some((a) => a.value === "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments");
      const octets = c14n
        ? Buffer.from(new C14nCanonicalizationWithComments().process(new DOMParser().parseFromString(content.toString("utf8"), "text/xml").documentElement, {}), "utf8")
        : content;
      result.manifest.push({ uri, ok: createHash(algo).update(octets).digest("base64") === value });
    }
    const certDigest = local(sigDoc, "//*[local-name()='CertDigest']")[0];
    if (certDigest && r.cert) {
      const algo = hashOf(local(certDigest, "./*[local-name()='DigestMethod']/@Algorithm")[0].value);
      result.certDigest = createHash(algo).update(Buffer.from(r.cert, "base64")).digest("base64") === local(certDigest, "./*[local-name()='DigestValue']")[0].textContent.trim();
    }
  }
  return result;
}

for (const file of process.argv.slice(2)) {
  try {
    console.log(JSON.stringify(verify(file)));
  } catch (e) {
    console.log(JSON.stringify({ file, error: String(e.message || e) }));
  }
}
