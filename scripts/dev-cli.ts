// Runs the CLI from source without a build: `npx tsx scripts/dev-cli.ts <command> ...`.
import { main } from '../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
