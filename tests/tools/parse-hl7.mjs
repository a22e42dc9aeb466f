// Independent check of HL7 v2 messages with @redoxengine/redox-hl7-v2 (a schema-driven HL7 v2.5.1 parser that is not
// SglReference's). The volet trans-cda-r2 pre-adopts the v2.9 PRT segment inside the ORU_R01 OBSERVATION group; the
// parser learns it through its documented custom-schema mechanism (PRT fields typed as in HL7 v2.9).
// Usage: node parse-hl7.mjs FILE...   → one JSON object per file on stdout (a JSON array).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const hl7v2 = require('@redoxengine/redox-hl7-v2');

const prtTypes = { 1: 'EI', 2: 'ID', 3: 'CE', 4: 'CE', 5: 'XCN', 6: 'CE', 7: 'CE', 8: 'XON', 9: 'PL', 10: 'EI',
  11: 'TS', 12: 'TS', 13: 'CE', 14: 'XAD', 15: 'XTN' };
const fields = {};
for (const [n, dataType] of Object.entries(prtTypes)) fields[`PRT.${n}`] = { dataType };
const customSchema = {
  fields,
  segments: { PRT: { fields: Object.keys(prtTypes).map(n => ({ field: `PRT.${n}`, minOccurs: '0', maxOccurs: n === '5' || n === '15' ? 'unbounded' : '1' })) } },
  messages: {
    ORU_R01: {
      OBSERVATION: { elements: [
        { segment: 'OBX', minOccurs: '1', maxOccurs: '1' },
        { segment: 'PRT', minOccurs: '0', maxOccurs: 'unbounded' },
        { segment: 'NTE', minOccurs: '0', maxOccurs: 'unbounded' },
      ] },
    },
  },
};
const parser = new hl7v2.Parser(customSchema);

const asArray = v => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = v => (v === undefined || v === null ? '' : typeof v === 'object' ? (v['1'] ?? '') : String(v));

const results = [];
for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  // MSH-18 names the charset; Node has no ISO 8859-15 decoder, latin1 (8859-1) differs from it only on 8 symbols.
  const raw = /\|8859\/1[5]?\|/.test(bytes.subarray(0, 300).toString('latin1')) ? bytes.toString('latin1') : bytes.toString('utf8');
  const segmentCount = raw.split(/\r\n|\r|\n/).filter(s => s.length > 0).length;
  try {
    const json = parser.parse(raw);
    const msh = json.MSH;
    const out = {
      file,
      segmentCount,
      msh9: [msh['9']['1'], msh['9']['2'], msh['9']['3']].filter(Boolean).join('^'),
      msh10: text(msh['10']),
      msh12: text(msh['12']),
      msh18: asArray(msh['18']).map(text).join('~'),
      msh21: asArray(msh['21']).map(v => [v['1'], v['2']].filter(Boolean).join('^')).join('~'),
      parsedSegments: 1,
      patientResults: [],
    };
    for (const pr of asArray(json.PATIENT_RESULT)) {
      const patient = pr.PATIENT;
      const prOut = { pid3: [], pv1_2: '', orders: [] };
      if (patient) {
        out.parsedSegments += 1;
        prOut.pid3 = asArray(patient.PID['3']).map(cx => ({ id: cx['1'] ?? '', authority: cx['4']?.['2'] ?? '', type: cx['5'] ?? '' }));
        prOut.pid32 = text(patient.PID['32']);
        if (patient.VISIT) { out.parsedSegments += 1; prOut.pv1_2 = text(patient.VISIT.PV1['2']); }
      }
      for (const oo of asArray(pr.ORDER_OBSERVATION)) {
        out.parsedSegments += (oo.ORC ? 1 : 0) + 1;
        const order = { orc1: text(oo.ORC?.['1']), obr4: text(oo.OBR['4']), obr25: text(oo.OBR['25']), observations: [] };
        for (const obs of asArray(oo.OBSERVATION)) {
          const obx = obs.OBX;
          const prts = asArray(obs.PRT);
          const ntes = asArray(obs.NTE);
          out.parsedSegments += 1 + prts.length + ntes.length;
          const o = {
            obx1: text(obx['1']), obx2: text(obx['2']), obx3: text(obx['3']), obx3label: obx['3']?.['2'] ?? '',
            obx11: text(obx['11']),
            prt: prts.map(p => ({ role: text(p['4']), id: asArray(p['5']).map(x => x['1'] ?? '').join('~'), type: asArray(p['5']).map(x => x['13'] ?? '').join('~'), address: asArray(p['15']).map(x => x['4'] ?? '').join('~') })),
            nte: ntes.map(n => text(n['4'])),
          };
          // OBX-5 has the type "varies": the parser keeps it as the raw component string.
          const value = String(asArray(obx['5'])[0] ?? '').split('^');
          if (o.obx2 === 'ED') {
            const bytes = Buffer.from(value[4] ?? '', 'base64');
            o.edType = value.slice(1, 4).join('^');
            o.edSha256 = createHash('sha256').update(bytes).digest('hex');
            o.edLength = bytes.length;
          } else {
            o.value = value[0];
          }
          order.observations.push(o);
        }
        prOut.orders.push(order);
      }
      out.patientResults.push(prOut);
    }
    results.push(out);
  } catch (e) {
    results.push({ file, error: String(e && e.message || e) });
  }
}
process.stdout.write(JSON.stringify(results, null, 1));
