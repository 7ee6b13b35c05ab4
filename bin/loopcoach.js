#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`loopcoach questions list | head`) closes the pipe: end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
