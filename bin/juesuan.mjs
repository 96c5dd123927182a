#!/usr/bin/env node
// `npx juesuan …` straight from the checkout: the CLI is TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';

// Output piped into `head` or a closed pager: stop quietly, as command-line tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
