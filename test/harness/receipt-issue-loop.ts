// Child process for the numbering crash test (core/features/receipts/numbering-crash.test.ts): issues receipts
// on one dossier until the file holds `target` of them, printing each number. The parent kills it with
// SIGKILL at random moments; with CRASH_RATE it also kills itself while signing, that is after the number
// was taken and before the commit, the window that matters most.
import { randomUUID } from 'node:crypto';
import { defaultSigner } from '../../core/features/receipts/service.ts';
import { createTestCore } from './test-core.ts';

const [dataDir, dossierId, amountText, targetText] = process.argv.slice(2);
const crashRate = Number(process.env['CRASH_RATE'] ?? '0');
const core = createTestCore(dataDir ?? '', {
  receiptSigner: (config) => {
    const signer = defaultSigner(config);
    return {
      certificatePem: () => signer.certificatePem(),
      signSha256: (data) => {
        if (Math.random() < crashRate) process.kill(process.pid, 'SIGKILL');
        return signer.signSha256(data);
      },
    };
  },
});
const count = () => (core.storage.db().prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n;
process.stdout.write('ready\n');
while (count() < Number(targetText)) {
  const result = await core.dispatch('payments.record', { dossierId: dossierId ?? '', clientTxId: randomUUID(), method: 'cash', amount: Number(amountText) });
  if (!result.ok) {
    process.stderr.write(`${result.error.code}: ${result.error.message}\n`);
    process.exit(2);
  }
  process.stdout.write(`${String((result.value as { receipt: { number: number | null } }).receipt.number)}\n`);
}
core.stop();
process.exit(0);
