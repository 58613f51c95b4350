// The foundation's hot paths: opening a counter file, dispatch, the outbox, the Node host.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../../core/adapters/json-logger.ts';
import { startNodeHost } from '../../core/host/node-host.ts';
import { insertOutboxJob } from '../../core/features/sync/outbox-repo.ts';
import { uuidv7 } from '../../core/ports/ids.ts';
import { createTestCore } from '../../test/harness/test-core.ts';
import { makeTempDir } from '../../test/harness/temp-dir.ts';
import { ms, timeMany } from './measure.ts';

export async function benchFoundation(): Promise<void> {
const temp = makeTempDir('mot-cua-bench-');
try {
  const openStart = performance.now();
  const core = createTestCore(temp.dir);
  console.log(`open + migrate a new counter file: ${ms(performance.now() - openStart)}`);

  const info = await timeMany(5000, () => core.dispatch('system.info', {}));
  console.log(`in-process system.info: p50 ${ms(info.p50)}, p95 ${ms(info.p95)}, ${info.perSecond.toFixed(0)}/s`);

  const db = core.storage.db();
  const insertStart = performance.now();
  db.transaction(() => {
    for (let i = 0; i < 10_000; i += 1) insertOutboxJob(db, { id: uuidv7(), kind: 'bench', aggregateId: `d-${i % 500}`, payload: { i }, createdAt: new Date().toISOString() });
  })();
  console.log(`enqueue 10 000 outbox jobs in one transaction: ${ms(performance.now() - insertStart)}`);
  const single = await timeMany(2000, () => Promise.resolve(db.transaction(() => insertOutboxJob(db, { id: uuidv7(), kind: 'bench', aggregateId: 'd-x', payload: {}, createdAt: new Date().toISOString() }))()));
  console.log(`one durable enqueue (own transaction, synchronous=FULL; the disk's fsync floor): p50 ${ms(single.p50)}, p95 ${ms(single.p95)}, p99 ${ms(single.p99)}`);
  const status = await timeMany(2000, () => core.dispatch('sync.status', {}));
  console.log(`sync.status with 10 200 jobs queued: p50 ${ms(status.p50)}, p95 ${ms(status.p95)}`);

  const host = await startNodeHost({ core, uiDir: path.join(temp.dir, 'no-ui'), port: 0, logger: silentLogger });
  const call = () => fetch(`${host.url}/rpc/sync.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((response) => response.json());
  await timeMany(50, call);
  const overHttp = await timeMany(2000, call);
  console.log(`sync.status over the Node host (HTTP, keep-alive): p50 ${ms(overHttp.p50)}, p95 ${ms(overHttp.p95)}, ${overHttp.perSecond.toFixed(0)}/s`);
  await host.close();
  core.stop();
  const memory = process.memoryUsage();
  console.log(`memory after the run: rss ${(memory.rss / 1024 ** 2).toFixed(1)} MiB, heap used ${(memory.heapUsed / 1024 ** 2).toFixed(1)} MiB`);
} finally {
  temp.remove();
}
}
