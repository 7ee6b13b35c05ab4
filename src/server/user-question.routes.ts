import type { Hono } from 'hono';
import type { Deleted } from '../api/common.contract.js';
import { importQuestionsBodySchema, type ImportedQuestions } from '../api/my-questions.contract.js';
import type { QuestionView } from '../api/questions.contract.js';
import type { QuestionCatalogue } from '../services/question-catalogue.js';
import { parseJsonBody } from './validate.js';

/** The user's own questions: list, import (YAML in the bank's schema), export as a YAML pack, delete. */
export function registerUserQuestionRoutes(app: Hono, catalogue: QuestionCatalogue): void {
  app.get('/api/my-questions', (c) => c.json(catalogue.yours().map((q): QuestionView => ({ ...q, source: 'yours' }))));

  // A YAML pack of the user's questions, to hand to someone else (imported back by the route below or the CLI).
  app.get('/api/my-questions/export', (c) => {
    c.header('content-type', 'application/yaml; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="loopcoach-questions.yaml"');
    return c.body(catalogue.exportYaml({ mine: true }));
  });

  app.post('/api/my-questions', async (c) => {
    const { yaml } = await parseJsonBody(c, importQuestionsBodySchema);
    const imported = await catalogue.importYaml(yaml);
    return c.json({ imported: imported.map((q) => q.id) } satisfies ImportedQuestions, 201);
  });

  app.delete('/api/my-questions/:id', async (c) => {
    await catalogue.remove(c.req.param('id'));
    return c.json({ deleted: c.req.param('id') } satisfies Deleted);
  });
}
