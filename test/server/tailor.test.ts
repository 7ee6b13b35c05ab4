// Tailored interviews through the API, on a real SQLite file: plan from a posting and a résumé
// (pasted, DOCX and PDF made here), start that plan, saved documents, privacy and bad input.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoach } from '../../src/coach.js';
import { composeServerApp } from '../../src/server/compose.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { docxBytes, encryptedPdfBytes, fixture, pdfBytes, writeTempBank } from '../tailor/helpers.js';

let app: Hono;
let store: Store;
let dbPath: string;

beforeAll(async () => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'loopcoach-api-tailor-')), 'test.db');
  store = await openStore(dbPath);
  app = await composeServerApp({ coach: await createCoach({ questionDir: writeTempBank() }), store });
});

afterAll(() => store?.close());

const post = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const file = (name: string, bytes: Buffer) => ({ file: { name, data: bytes.toString('base64') } });
const posting = { text: fixture('senior-solutions-architect.md') };
const resumeLines = fixture('resume-backend.md')
  .split('\n')
  .filter((l) => l.trim());

/** Rows in the documents table, read straight from the file: what the privacy promise is about. */
function documentRows(): Array<{ name: string; text: string }> {
  const raw = new Database(dbPath, { readonly: true });
  try {
    return raw.prepare('SELECT name, text FROM documents').all() as Array<{ name: string; text: string }>;
  } finally {
    raw.close();
  }
}

describe('tailored interview API', () => {
  it('plans from a pasted posting: role, level, skills and each question with its reason, storing nothing', async () => {
    const res = await post('/api/plans', { posting, count: 3 });
    expect(res.status).toBe(200);
    const plan = await res.json();
    expect(plan).toMatchObject({ role: 'solutions-architect', level: 'senior', saved: {} });
    expect(plan.skills).toContain('databases');
    expect(plan.questions).toHaveLength(3);
    for (const q of plan.questions)
      expect(q).toEqual({ id: expect.any(String), prompt: expect.any(String), reason: expect.any(String), generated: expect.any(Boolean) });
    expect(plan.questions.some((q: { generated: boolean }) => q.generated)).toBe(true);
    expect(documentRows()).toEqual([]);
    expect(await store.sessions.list()).toEqual([]);
  });

  it('adds personal questions from a DOCX résumé and a PDF résumé made here', async () => {
    for (const resume of [file('cv.docx', await docxBytes(resumeLines)), file('cv.pdf', await pdfBytes(resumeLines))]) {
      const plan = await (await post('/api/plans', { posting, resume, count: 5 })).json();
      const personal = plan.questions.filter((q: { id: string }) => q.id.startsWith('gen-resume-'));
      expect(personal.length, JSON.stringify(plan.questions)).toBeGreaterThan(0);
      expect(personal[0].reason).toMatch(/your résumé claims/);
      expect(plan.gaps.length).toBeGreaterThan(0);
    }
    expect(documentRows()).toEqual([]);
  });

  it('saves only what the user asks to save, lists it without its text, and deletes it from the database', async () => {
    const plan = await (await post('/api/plans', { posting, resume: file('cv.docx', await docxBytes(resumeLines)), save: { resume: true } })).json();
    expect(plan.saved).toEqual({ resume: expect.any(String) });
    expect(documentRows()).toEqual([{ name: 'cv.docx', text: expect.stringContaining('Savings Plans') }]);
    const listed = await (await app.request('/api/documents')).json();
    expect(listed).toEqual([{ id: plan.saved.resume, kind: 'resume', name: 'cv.docx', createdAt: expect.any(String), characters: expect.any(Number) }]);
    // A saved document plans again by its id.
    const again = await (await post('/api/plans', { posting, resume: { documentId: plan.saved.resume } })).json();
    expect(again.questions.some((q: { id: string }) => q.id.startsWith('gen-resume-'))).toBe(true);
    expect((await app.request(`/api/documents/${plan.saved.resume}`, { method: 'DELETE' })).status).toBe(200);
    expect(documentRows()).toEqual([]);
    const gone = await app.request(`/api/documents/${plan.saved.resume}`, { method: 'DELETE' });
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe('document_not_found');
  });

  it("starts the planned interview: its first prompt is the plan's first question", async () => {
    const plan = await (await post('/api/plans', { posting, count: 2 })).json();
    const res = await post('/api/plans/sessions', { posting, count: 2 });
    expect(res.status).toBe(201);
    const { session, next } = await res.json();
    expect(session.plan.questionIds).toEqual(plan.questions.map((q: { id: string }) => q.id));
    expect(next).toMatchObject({ prompt: plan.questions[0].prompt, position: 1, total: 2 });
    const answered = await post(`/api/sessions/${session.id}/answers`, {
      answer: 'In our platform I chose DynamoDB for the order table because the access pattern was by customer id.',
    });
    expect(answered.status).toBe(201);
  });

  it.each([
    ['an encrypted PDF', async () => ({ posting, resume: file('locked.pdf', await encryptedPdfBytes()) }), 415, /password-protected/],
    ['a scanned PDF with no text layer', async () => ({ posting, resume: file('scan.pdf', await pdfBytes([])) }), 415, /no text layer.*OCR/],
    ['a corrupt PDF', async () => ({ posting, resume: file('broken.pdf', Buffer.from('%PDF-1.7\nnot a pdf\n%%EOF')) }), 415, /looks damaged/],
    ['an empty file', async () => ({ posting: file('empty.txt', Buffer.alloc(0)) }), 400, /is empty/],
    ['an empty pasted posting', async () => ({ posting: { text: '   ' } }), 400, /is empty/],
    ['a posting in French', async () => ({ posting: { text: fixture('french-posting.md') } }), 400, /does not look like English/],
    ['a file that is not base64', async () => ({ posting: { file: { name: 'x.pdf', data: '%%%' } } }), 400, /base64/],
    ['an unknown saved document', async () => ({ posting: { documentId: 'nope' } }), 404, /no saved document/],
    ['a count over the limit', async () => ({ posting, count: 500 }), 400, /count/],
  ])('refuses %s with a clear message and stores nothing', async (_name, body, status, message) => {
    const sessionsBefore = (await store.sessions.list()).length;
    const res = await post('/api/plans', await body());
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toMatch(message);
    expect(documentRows()).toEqual([]);
    expect(await store.sessions.list()).toHaveLength(sessionsBefore);
  });

  it('refuses a 50 MB upload with 413 and keeps serving', async () => {
    const huge = JSON.stringify({ posting: { file: { name: 'huge.pdf', data: 'A'.repeat(50 * 1024 * 1024) } } });
    const res = await post('/api/plans', huge);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/too large.*10 MB/);
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('refuses a document over 10 MB that fits the request limit', async () => {
    const res = await post('/api/plans', { posting: file('big.txt', Buffer.alloc(11 * 1024 * 1024, 'a')) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/11\.0 MB; the limit is 10 MB/);
  });
});
