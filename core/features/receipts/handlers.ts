import { randomInt } from 'node:crypto';
import { FeeSettingsSchema, ReceiptSettingsSchema, type ReceiptSettings } from '../../../shared/contract/receipts.ts';
import { vietnamDate } from '../../../shared/domain/time/vietnam-time.ts';
import type { Handlers } from '../../rpc/dispatch.ts';
import type { PrintingService } from '../printing/service.ts';
import { dailyReport } from './daily-report.ts';
import { feeStatuses } from './fee-status.ts';
import { listPayments, recordPayment } from './payments.ts';
import { cancelReceipt, issueForPayment, issuePendingOnServer, replaceReceipt } from './receipts.ts';
import * as repo from './repo.ts';
import { createReceiptCore, type ReceiptServiceOptions } from './service.ts';

export type ReceiptService = ReturnType<typeof createReceiptService>;

/**
 * The receipts feature: fees, payments and receipts, plus a small loop that has the central server issue
 * provisional receipts (server provider) after every payment and every 15 s while some wait.
 */
export function createReceiptService(options: ReceiptServiceOptions & Readonly<{ random?: () => number; retryIntervalMs?: number }>) {
  const core = createReceiptCore(options);
  const random = options.random ?? (() => randomInt(0, 2 ** 32) / 2 ** 32);
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  function issuePending(): Promise<number> {
    if (closed) return Promise.resolve(0);
    running ??= issuePendingOnServer(core, random)
      .catch((error: unknown) => {
        options.logger.error('server receipt issuance failed', { error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    core,
    issuePending,
    /** The day's close (YYYY-MM-DD): for `receipts.dailyReport` and the reports feature's exports. */
    dailyReport: (day: string) => dailyReport(day, repo.listReceipts(core.options.storage.db(), { day, limit: 100_000 })),
    start() {
      timer ??= setInterval(() => void issuePending(), options.retryIntervalMs ?? 15_000).unref();
    },
    stop() {
      closed = true;
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

function settingsView(settings: ReceiptSettings) {
  const { signer, ...rest } = settings;
  return { ...rest, signer: { kind: signer.kind, hasSecret: signer.kind === 'pkcs12' ? signer.password !== '' : signer.kind === 'pkcs11' } };
}

/** `printing` queues `receipts.print` like `printing.print`: one job, printed after commit by the print queue. */
export function receiptHandlers(service: ReceiptService, printing: Pick<PrintingService, 'printReceipt'>) {
  const { core } = service;
  const db = () => core.options.storage.db();
  const today = () => vietnamDate(core.options.clock.now());
  return {
    'fees.quote': ({ dossierId, quantities, exemptions, omitted, services }) => {
      const { procedureCode: _code, ...quote } = core.quote({ dossierId, quantities, exemptions, omitted, services });
      return quote;
    },
    'fees.settings': () => repo.readFeeSettings(db()),
    'fees.setSettings': (patch) => {
      const next = FeeSettingsSchema.parse({ ...repo.readFeeSettings(db()), ...patch });
      repo.writeFeeSettings(db(), next, core.nowIso());
      return next;
    },
    'fees.status': ({ dossierIds }) => ({ dossiers: feeStatuses(core, dossierIds) }),
    'payments.record': async (input) => {
      const result = recordPayment(core, input);
      // The server provider: try at once, so an online counter prints the official receipt straight away.
      if (result.receipt.status === 'provisional') {
        await service.issuePending();
        return { ...result, receipt: core.receipt(result.receipt.id) };
      }
      return result;
    },
    'payments.list': (query) => ({ payments: listPayments(core, query) }),
    'receipts.issue': async ({ paymentId }) => {
      const receipt = issueForPayment(core, paymentId);
      if (receipt.status === 'provisional') await service.issuePending();
      return core.receipt(receipt.id);
    },
    'receipts.cancel': ({ id, reason }) => cancelReceipt(core, id, reason),
    'receipts.replace': async ({ id, reason, payerName }) => {
      const result = replaceReceipt(core, id, reason, payerName);
      if (result.replacement.status === 'provisional') await service.issuePending();
      return { original: core.receipt(id), replacement: core.receipt(result.replacement.id) };
    },
    'receipts.get': ({ id }) => core.receipt(id),
    'receipts.print': ({ receiptId, copies, printerId }) => printing.printReceipt({ receiptId, copies, printerId }),
    'receipts.list': (query) => ({ receipts: repo.listReceipts(db(), { dossierId: query.dossierId, day: query.date, limit: query.limit }) }),
    'receipts.dailyReport': ({ date }) => {
      const day = date ?? today();
      return service.dailyReport(day);
    },
    'receipts.settings': () => settingsView(repo.readReceiptSettings(db(), core.options.secrets)),
    'receipts.setSettings': (patch) => {
      const next = ReceiptSettingsSchema.parse({ ...repo.readReceiptSettings(db(), core.options.secrets), ...patch });
      repo.writeReceiptSettings(db(), next, core.nowIso(), core.options.secrets);
      return settingsView(next);
    },
  } satisfies Partial<Handlers>;
}
