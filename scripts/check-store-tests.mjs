// Fails unless the jest results (from --json) hold passing tests for every database id given,
// e.g. `node check-store-tests.mjs jest.json POSTGRES_15 SQLITE_3`.
import { readFileSync } from 'node:fs';

const [resultsFile, ...databaseIds] = process.argv.slice(2);
const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
const passed = results.testResults
  .flatMap(file => file.assertionResults)
  .filter(test => test.status === 'passed')
  .map(test => test.fullName);

let missing = false;
for (const id of databaseIds) {
  const count = passed.filter(name => name.includes(`"${id}"`)).length;
  console.log(`store tests passed on ${id}: ${count}`);
  if (count === 0) {
    console.error(`No store test ran on ${id}: is the database reachable?`);
    missing = true;
  }
}
process.exit(missing ? 1 : 0);
