/** The API described for scripts and tools, served at /api/openapi.json. */
const error = { $ref: '#/components/schemas/Error' };
const jsonError = (description: string) => ({ description, content: { 'application/json': { schema: error } } });

export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Loop Coach API', version: '0.1.0', description: 'Practise AWS interview answers with instant, explainable feedback. Local only.' },
  paths: {
    '/api/health': { get: { summary: 'Liveness and bank size', responses: { '200': { description: 'ok' } } } },
    '/api/questions': {
      get: {
        summary: 'List questions of the bank',
        parameters: ['topic', 'level', 'kind', 'service'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
        responses: { '200': { description: 'Array of questions (all fields)' }, '400': jsonError('Unknown topic, level or kind') },
      },
    },
    '/api/questions/{id}': {
      get: {
        summary: 'One question with rubric, model answer, pitfalls and follow-ups',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The question' }, '404': jsonError('question_not_found') },
      },
    },
    '/api/transcribe': {
      post: {
        summary: 'Transcribe a spoken answer on this server and measure its delivery (audio is not stored)',
        parameters: [{ name: 'kind', in: 'query', required: false, schema: { type: 'string' }, description: 'question kind, to judge the answer length' }],
        requestBody: { required: true, content: Object.fromEntries(['audio/wav', 'audio/webm', 'audio/ogg'].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) },
        responses: {
          '200': { description: '{ transcript, segments: [{ startSec, endSec, text }], delivery: { durationSec, speakingSec, wordsPerMinute, pauses, fillers, pitchVariationSemitones, loudnessDb, findings } }' },
          '400': jsonError('invalid_input: unknown kind'),
          '413': jsonError('audio_too_long: over 10 minutes or 256 MB'),
          '415': jsonError('audio_invalid: not a readable WAV, WebM/Opus or Ogg/Opus recording'),
          '422': jsonError('audio_silent: no speech heard'),
        },
      },
    },
    '/api/settings/speech': {
      get: { summary: 'Speech settings: { keepRecordings } (off by default: only transcripts are saved)', responses: { '200': { description: '{ keepRecordings: boolean }' } } },
      put: { summary: 'Turn keeping recordings on or off', requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['keepRecordings'], properties: { keepRecordings: { type: 'boolean' } } } } } }, responses: { '200': { description: '{ keepRecordings }' }, '400': jsonError('invalid_input') } },
    },
    '/api/attempts/{id}/recording': {
      put: {
        summary: 'Keep the audio of a spoken answer (only when keepRecordings is on)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: Object.fromEntries(['audio/wav', 'audio/webm', 'audio/ogg'].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) },
        responses: { '201': { description: '{ attemptId, mediaType, createdAt, bytes }' }, '404': jsonError('attempt_not_found'), '409': jsonError('recordings_off'), '415': jsonError('audio_invalid') },
      },
      get: { summary: 'The kept audio (Range requests supported)', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'audio/wav, audio/webm or audio/ogg' }, '404': jsonError('recording_not_found') } },
      delete: { summary: 'Delete the kept audio (transcript and feedback stay)', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: '{ deleted }' }, '404': jsonError('recording_not_found') } },
    },
    '/api/attempts/{id}': {
      delete: { summary: 'Delete an answer, its follow-up answers and their audio', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: '{ deleted }' }, '404': jsonError('attempt_not_found') } },
    },
    '/api/recordings': {
      get: { summary: 'Which answers have kept audio', responses: { '200': { description: '{ attemptIds }' } } },
      delete: { summary: 'Delete every kept recording', responses: { '200': { description: '{ deleted: count }' } } },
    },
    '/api/grade': {
      post: {
        summary: 'Grade one answer (fast enough to call on every pause in typing)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { type: 'object', required: ['questionId', 'answer'], properties: { questionId: { type: 'string' }, answer: { type: 'string', maxLength: 20000 } } },
                  { type: 'object', required: ['question', 'answer'], properties: { question: { type: 'object', description: 'prompt, kind, rubric and/or modelAnswer, pitfalls' }, answer: { type: 'string', maxLength: 20000 } } },
                ],
              },
            },
          },
        },
        responses: {
          '200': { description: 'Feedback: score, rubric, structure, findings, services, leadershipPrinciples, tips' },
          '400': jsonError('invalid_input: malformed JSON or missing fields'),
          '404': jsonError('question_not_found'),
          '413': jsonError('answer_too_long'),
        },
      },
    },
    '/api/sessions': {
      post: {
        summary: 'Start a mock-interview session (needs a database; the server opens LOOPCOACH_DB)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['role', 'level'],
                properties: {
                  role: { type: 'string', enum: ['solutions-architect', 'cloud-devops-engineer', 'backend-developer', 'data-engineer', 'sre'] },
                  level: { type: 'string', enum: ['entry', 'mid', 'senior'] },
                  topics: { type: 'array', items: { type: 'string' } },
                  count: { type: 'integer', minimum: 1, maximum: 50 },
                  mix: { type: 'number', minimum: 0, maximum: 1, description: 'share of behavioural questions' },
                  seed: { type: 'string' },
                },
              },
            },
          },
        },
        responses: { '201': { description: '{ session, next }: the stored plan and the first prompt' }, '400': jsonError('invalid_input') },
      },
    },
    '/api/sessions/{id}': {
      get: {
        summary: 'A session with its next prompt (null when done) and its report so far',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: '{ session, next, report }' }, '404': jsonError('session_not_found') },
      },
    },
    '/api/sessions/{id}/answers': {
      post: {
        summary: 'Answer the pending prompt (main question or follow-up); graded and saved exactly once',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'Idempotency-Key', in: 'header', required: false, description: 'a retry with the same key returns the first result and records nothing new', schema: { type: 'string', minLength: 1, maxLength: 200 } },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: ['answer'], properties: { answer: { type: 'string', maxLength: 20000 }, startedAt: { type: 'string', format: 'date-time' }, spoken: { type: 'object', description: 'a spoken answer: { transcript, segments: [{ startSec, endSec, text }], delivery }; saved with the attempt, marked isEdited when the answer differs from the transcript' } } } } },
        },
        responses: {
          '201': { description: '{ attemptId, answered, feedback, next, finished }' },
          '400': jsonError('invalid_input'),
          '404': jsonError('session_not_found'),
          '409': jsonError('session_finished or answer_conflict'),
          '413': jsonError('answer_too_long'),
        },
      },
    },
    '/api/sessions/{id}/preview': {
      post: {
        summary: 'Grade an answer to the pending prompt without saving it (live feedback while typing)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['answer'], properties: { answer: { type: 'string', maxLength: 20000 } } } } } },
        responses: {
          '200': { description: 'Feedback' },
          '400': jsonError('invalid_input'),
          '404': jsonError('session_not_found'),
          '409': jsonError('session_finished'),
          '413': jsonError('answer_too_long'),
        },
      },
    },
    '/api/my-questions': {
      get: { summary: "The user's own questions (each with source: yours)", responses: { '200': { description: 'Array of questions' } } },
      post: {
        summary: "Import questions in the bank's YAML schema: one, a list, or several documents; all or nothing",
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['yaml'], properties: { yaml: { type: 'string', maxLength: 200000 } } } } } },
        responses: { '201': { description: '{ imported: [ids] }' }, '400': jsonError('question_invalid') },
      },
    },
    '/api/my-questions/{id}': {
      delete: {
        summary: "Delete one of the user's questions (past answers to it stay in history)",
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: '{ deleted: id }' }, '400': jsonError('invalid_input'), '404': jsonError('question_not_found') },
      },
    },
    '/api/progress': { get: { summary: 'Scores per topic and habit over time, repeated questions side by side, streaks', responses: { '200': { description: 'Progress' } } } },
    '/api/plans': {
      post: {
        summary: 'Plan an interview from a job posting (and a résumé): each question with its reason, and the gap report; stores nothing unless save asks',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/TailorRequest' } } } },
        responses: {
          '200': { description: '{ role, level, skills, services, questions: [{ id, prompt, reason, generated }], gaps, saved }' },
          '400': jsonError('invalid_input'),
          '404': jsonError('document_not_found'),
          '413': jsonError('invalid_input'),
          '415': jsonError('document_unsupported'),
        },
      },
    },
    '/api/plans/sessions': {
      post: {
        summary: 'Plan as /api/plans does and start a mock interview of exactly that plan',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/TailorRequest' } } } },
        responses: { '201': { description: '{ session, next }' }, '400': jsonError('invalid_input'), '404': jsonError('document_not_found'), '413': jsonError('invalid_input'), '415': jsonError('document_unsupported') },
      },
    },
    '/api/documents': { get: { summary: 'Saved documents (postings, résumés), newest first, without their text', responses: { '200': { description: 'Array of { id, kind, name, createdAt, characters }' } } } },
    '/api/documents/{id}': {
      delete: {
        summary: 'Delete a saved document and its text from the database',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: '{ deleted: id }' }, '404': jsonError('document_not_found') },
      },
    },
    '/api/suggestion': { get: { summary: "Today's suggestion from spaced re-practice: { suggestion: { questionId, prompt, topic, reason } | null }", responses: { '200': { description: 'The suggestion' } } } },
    '/api/exercises': {
      get: {
        summary: 'Hands-on exercises (IAM policies, CloudFormation templates, VPC networks, Lambda handlers)',
        parameters: ['kind', 'topic'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
        responses: { '200': { description: 'Array of exercises' }, '400': jsonError('invalid_input') },
      },
    },
    '/api/exercises/{id}': {
      get: {
        summary: 'One exercise: prompt, starter, checks, hints, solution and explanation',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The exercise' }, '404': jsonError('exercise_not_found') },
      },
    },
    '/api/exercises/{id}/check': {
      post: {
        summary: 'Check a submission with the real evaluators: { passed, score, checks: [{ check, passed, message, line? }] }',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['submission'], properties: { submission: { type: 'string', maxLength: 102400 } } } } } },
        responses: { '200': { description: 'The result' }, '400': jsonError('invalid_input'), '404': jsonError('exercise_not_found'), '413': jsonError('submission_too_large') },
      },
    },
    '/api/exercises/validate': {
      post: {
        summary: "Validate the user's own exercise file (YAML or JSON text) and return it as the API shows exercises",
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['exercise'], properties: { exercise: { type: 'string', maxLength: 102400 } } } } } },
        responses: { '200': { description: 'The exercise' }, '400': jsonError('exercise_invalid') },
      },
    },
    '/api/exercises/check': {
      post: {
        summary: "Check a submission against the user's own exercise file (YAML or JSON text)",
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['exercise', 'submission'], properties: { exercise: { type: 'string', maxLength: 102400 }, submission: { type: 'string', maxLength: 102400 } } } } } },
        responses: { '200': { description: 'The result' }, '400': jsonError('exercise_invalid'), '413': jsonError('submission_too_large') },
      },
    },
    '/api/history': { get: { summary: 'Every session, newest first, with progress and score so far', responses: { '200': { description: 'Array of session summaries' } } } },
  },
  components: {
    schemas: {
      DocumentInput: {
        oneOf: [
          { type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 200000 } } },
          { type: 'object', required: ['file'], properties: { file: { type: 'object', required: ['name', 'data'], properties: { name: { type: 'string' }, data: { type: 'string', contentEncoding: 'base64', description: 'PDF, DOCX or text, at most 10 MB' } } } } },
          { type: 'object', required: ['documentId'], properties: { documentId: { type: 'string' } } },
        ],
      },
      TailorRequest: {
        type: 'object',
        required: ['posting'],
        properties: {
          posting: { $ref: '#/components/schemas/DocumentInput' },
          resume: { $ref: '#/components/schemas/DocumentInput' },
          count: { type: 'integer', minimum: 1, maximum: 30 },
          save: { type: 'object', properties: { posting: { type: 'boolean' }, resume: { type: 'boolean' } } },
        },
      },
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
    },
  },
} as const;
