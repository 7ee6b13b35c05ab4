// `npm run build:web` (and `npm pack`, through prepack): builds the web app into web/dist with
// Vite, always as production (a test run's NODE_ENV=test would ship React's development build).
import { fileURLToPath, URL } from 'node:url';
import { build } from 'vite';

process.env.NODE_ENV = 'production';
const root = fileURLToPath(new URL('../web/', import.meta.url));
await build({ configFile: `${root}vite.config.ts`, root, mode: 'production', logLevel: 'warn' });
console.log('web/dist: built');
