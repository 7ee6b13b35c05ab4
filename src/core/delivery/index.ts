export { measureDelivery, type DeliveryInput } from './delivery.js';
export { defaultDeliveryParameters, type DeliveryParameters } from './params.js';
export { detectVoiceActivity, pausesBetween, bridgeGaps, type TimeSpan, type VoiceActivity } from './vad.js';
export { countFillers, findFillers, transcriptWords, FILLER_RULES } from './fillers.js';
export { pitchTrack, pitchVariationSemitones, yinPitch } from './pitch.js';
export { DELIVERY_CODES, type Delivery, type DeliveryCode, type DeliveryFinding, type TranscriptSegment } from './types.js';
export * from './trend.js';
