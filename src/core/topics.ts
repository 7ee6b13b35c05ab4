import type { Topic } from './types.js';

/** How a person names each topic (the API and files keep the short ids). */
export const TOPIC_NAMES: Record<Topic, string> = {
  'compute-serverless': 'Compute and serverless',
  'storage-databases': 'Storage and databases',
  'networking-security': 'Networking and security',
  'architecture-devops': 'Architecture and DevOps',
  'cost-finops': 'Cost and FinOps',
  troubleshooting: 'Troubleshooting',
  behavioral: 'Behavioural',
};

/** A topic's name inside a sentence: "networking and security", "FinOps" kept as written. */
export function topicInSentence(topic: Topic): string {
  const name = TOPIC_NAMES[topic];
  return name.charAt(0).toLowerCase() + name.slice(1);
}
