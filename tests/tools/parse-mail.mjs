// Reads delivered messages with mailparser (an independent MIME parser) and prints, for each file, the headers the
// MSSanté rules constrain, the recipients, the text body and every attachment with its type, size and SHA-256.
// Usage: node parse-mail.mjs FILE...   → a JSON array on stdout.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';

const out = [];
for (const file of process.argv.slice(2)) {
  const mail = await simpleParser(readFileSync(file));
  const header = name => {
    const v = mail.headers.get(name);
    return v === undefined ? null : typeof v === 'string' ? v : (v.text ?? v.value ?? JSON.stringify(v));
  };
  out.push({
    file,
    messageId: mail.messageId,
    subject: mail.subject,
    from: mail.from?.value.map(a => a.address) ?? [],
    to: mail.to ? [].concat(mail.to).flatMap(t => t.value.map(a => a.address)) : [],
    toNames: mail.to ? [].concat(mail.to).flatMap(t => t.value.map(a => a.name)) : [],
    fromNames: mail.from?.value.map(a => a.name) ?? [],
    headerNames: [...mail.headers.keys()],
    mssCodeCda: header('x-mss-codecda'), mssIns: header('x-mss-ins'), mssNil: header('x-mss-nil'), mssMes: header('x-mss-mes'),
    dispositionNotificationTo: header('disposition-notification-to'),
    text: mail.text,
    attachments: mail.attachments.map(a => ({ filename: a.filename, contentType: a.contentType, size: a.size, sha256: createHash('sha256').update(a.content).digest('hex'), base64: a.filename === 'IHE_XDM.zip' ? a.content.toString('base64') : undefined })),
  });
}
process.stdout.write(JSON.stringify(out, null, 1));
