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
  },
  components: {
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
    },
  },
} as const;
