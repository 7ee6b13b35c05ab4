// A second process answering sessions on the same database, for the exactly-once tests.
// Usage: tsx answer-worker.ts <db> <bankDir> <sessionIdsJson> <barrierFile> [--loop]
// Waits until the barrier file exists, then answers each session once (or, with --loop, answers
// every session to the end), printing one JSON line per outcome: {"session","status"|"code"}.
import { existsSync } from 'node:fs';
import { createCoach } from '../../src/coach.js';
import { isLoopCoachError } from '../../src/errors.js';
import { SessionService } from '../../src/services/session.service.js';
import { openStore } from '../../src/store/open-store.js';

const [db, bankDir, idsJson, barrier, mode] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const store = await openStore(db);
const coach = await createCoach({ questionDir: bankDir });
const sessions = new SessionService({ sessions: store.sessions, attempts: store.attempts, coach });
const ids = JSON.parse(idsJson) as string[];
process.stdout.write('ready\n');
while (!existsSync(barrier)) await new Promise((r) => setTimeout(r, 2));

let n = 0;
for (const id of ids) {
  let more = true;
  while (more) {
    const text = `Answer ${process.pid}-${n++}: security groups are stateful and network ACLs are stateless.`;
    try {
      const result = await sessions.answerNext(id, text, new Date());
      process.stdout.write(`${JSON.stringify({ session: id, status: 'saved', text })}\n`);
      more = mode === '--loop' && !result.finished;
    } catch (error) {
      process.stdout.write(`${JSON.stringify({ session: id, code: isLoopCoachError(error) ? error.code : String(error) })}\n`);
      more = false;
    }
  }
}
await store.close();
