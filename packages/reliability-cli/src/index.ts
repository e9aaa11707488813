/**
 * The `reliability` command: the suite's change-risk gate and who to page, for pipelines.
 *
 * @packageDocumentation
 */
import { main } from './main';

main(process.argv.slice(2), {
  env: process.env,
  out: text => process.stdout.write(`${text}\n`),
  err: text => process.stderr.write(`${text}\n`),
}).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(`reliability: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
