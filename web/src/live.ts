/**
 * How long typing must pause before the answer is graded again. With the API's grading time
 * on top it must stay under 100 ms (the figure `npm run bench` reports).
 */
export const LIVE_PAUSE_MS = 50;
