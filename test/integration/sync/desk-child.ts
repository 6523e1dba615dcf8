// A desk as its own process, for the kill -9 test: writes <count> records, then syncs until nothing is
// unsent. argv: <dataDir> <count>. The folder is enrolled beforehand by the test.
import { createTestDesk } from '../../support/hub-desk.ts';

const [dataDir, countText] = process.argv.slice(2);
const desk = createTestDesk({ dataDir: dataDir as string, sync: { maxBatch: 50, requestTimeoutMs: 5_000 } });
const count = Number(countText ?? 0);
if (count > 0) {
  desk.db().transaction(() => {
    for (let index = 0; index < count; index += 1) desk.write(`child-${index}`, { index, text: 'x'.repeat(200) });
  })();
}
desk.core.events.subscribe((name, payload) => {
  const progress = (payload as { progress: { sent: number } | null }).progress;
  if (name === 'sync.status' && progress) process.stdout.write(`progress ${progress.sent}\n`);
});
for (let round = 0; round < 20 && desk.unsent() > 0; round += 1) await desk.sync();
process.stdout.write(`done unsent=${desk.unsent()}\n`);
desk.close();
