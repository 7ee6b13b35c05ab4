import { DEFAULT_PARAMETERS, type EngineParameters } from './params.js';
import { frameworkFor, FRAMEWORKS, showsPart, type FrameworkPart } from './rules/frameworks.js';
import type { AnalysedText, Sentence } from './text.js';
import type { QuestionKind, Structure, StructurePart } from './types.js';

export { frameworkFor, isStory } from './rules/frameworks.js';

/**
 * Answer shape: the parts of the framework that fits the answer (src/core/rules/frameworks.ts),
 * each found by its cues in a sentence and shown with that sentence as evidence.
 */
function findPart(rule: FrameworkPart, sentences: Sentence[], params: EngineParameters): StructurePart {
  const searched = rule.isAfterOpening && sentences.length > 1 ? sentences.slice(1) : sentences;
  const sentence = searched.find((s) => showsPart(rule, s) || (rule.alsoShownBy?.(s, params) ?? false)) ?? null;
  return { part: rule.part, present: sentence !== null, evidence: sentence?.text ?? null };
}

/** Finds the CCTR or STAR parts of an answer, each with the sentence that shows it. */
export function analyseStructure(kind: QuestionKind, answer: AnalysedText, params: EngineParameters = DEFAULT_PARAMETERS): Structure {
  const framework = frameworkFor(kind, answer, params);
  return { framework, parts: FRAMEWORKS[framework].parts.map((rule) => findPart(rule, answer.sentences, params)) };
}
