// Validates JSON files against a JSON Schema (draft 2020-12) with ajv, an implementation independent of SglReference.
// usage: node validate-schema.mjs SCHEMA FILE... ; prints "ok FILE" or "invalid FILE" + errors; exit 1 if any is invalid.
import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let failed = 0;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`invalid ${file}`);
    console.log(`  unparsable: ${e.message}`);
    failed++;
    continue;
  }
  if (validate(data)) {
    console.log(`ok ${file}`);
  } else {
    failed++;
    console.log(`invalid ${file}`);
    for (const err of validate.errors) console.log(`  ${err.instancePath || '/'} ${err.message} ${JSON.stringify(err.params)}`);
  }
}
process.exit(failed ? 1 : 0);
