import { randomInt } from 'node:crypto';
import type { FeeItem } from '../../../shared/contract/catalogue.ts';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { FeeQuote, Payment, Receipt, ReceiptSettings, SignerConfig } from '../../../shared/contract/receipts.ts';
import type { FormValues } from '../../../shared/domain/forms/model.ts';
import { buildVietQr } from '../../../shared/domain/payments/vietqr.ts';
import { quoteFees, unknownChoices } from '../../../shared/domain/receipts/fee-quote.ts';
import type { RelatedInvoice } from '../../../shared/domain/receipts/invoice-xml.ts';
import { toVietnamIso } from '../../../shared/domain/time/vietnam-time.ts';
import { createPkcs11ToolSigner } from '../../adapters/pkcs11-tool-signer.ts';
import { createPkcs12Signer } from '../../adapters/pkcs12-signer.ts';
import type { Storage } from '../../app/storage.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import type { Clock } from '../../ports/clock.ts';
import { uuidv7 } from '../../ports/ids.ts';
import type { Logger } from '../../ports/logger.ts';
import type { Signer } from '../../ports/signer.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { appendAudit } from '../audit/repo.ts';
import type { CentralClient } from '../sync/central-client.ts';
import { insertOutboxJob } from '../sync/outbox-repo.ts';
import { localSignedProvider, serverProvider, type ReceiptDraft, type ReceiptProvider } from './provider.ts';
import * as repo from './repo.ts';
import type { SecretBox } from '../../ports/secret-box.ts';

export type ReceiptServiceOptions = Readonly<{
  storage: Storage;
  clock: Clock;
  logger: Logger;
  dossier: (id: string) => Dossier;
  fees: (procedureCode: string, date: string) => readonly FeeItem[];
  formValues: () => FormValues;
  agencyCode: () => string | null;
  actor: () => string;
  /** The display name of a recorded actor (`clerk:<username>`) from the clerk accounts; null when none is known. */
  actorName?: (actor: string) => string | null;
  /** After a commit that queued an outbox job: sync wakes. */
  afterCommit: () => void;
  /** The central server, for the `server` provider; null where there is none (tests of local signing). */
  central: CentralClient | null;
  /** Seals the signer's password or PIN in the data file (the OS keychain in Electron). */
  secrets: SecretBox;
  /** Builds the signer from the settings; tests may hand in their own. */
  signerFor?: (config: SignerConfig) => Signer;
}>;

export type QuoteRequest = Readonly<{ dossierId: string } & Parameters<typeof quoteFees>[0]['choices']>;

// Look-up codes are read aloud and typed: no 0/O, 1/I/L.
const LOOKUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function defaultSigner(config: SignerConfig): Signer {
  switch (config.kind) {
    case 'pkcs12':
      return createPkcs12Signer(config.file, config.password);
    case 'pkcs11':
      return createPkcs11ToolSigner(config);
    case 'none':
      throw new CoreError('signer-unavailable', 'No signing certificate is configured for local-signed receipts');
    default:
      throw new RangeError('unknown signer');
  }
}

export type ReceiptCore = ReturnType<typeof createReceiptCore>;

/** What payments, receipts and the server issuer share: settings, the provider, the transaction shape. */
export function createReceiptCore(options: ReceiptServiceOptions) {
  const { storage, clock } = options;
  const nowIso = () => toVietnamIso(clock.now());
  const nowUtc = () => clock.now().toISOString();
  let cachedSigner: { key: string; signer: Signer } | null = null;

  function signer(config: SignerConfig): Signer {
    const key = JSON.stringify(config);
    if (cachedSigner?.key !== key) cachedSigner = { key, signer: (options.signerFor ?? defaultSigner)(config) };
    return cachedSigner.signer;
  }

  function provider(settings: ReceiptSettings): ReceiptProvider {
    return settings.provider === 'server' ? serverProvider(nowUtc) : localSignedProvider(signer(settings.signer));
  }

  function quote(request: QuoteRequest): FeeQuote & { procedureCode: string } {
    const { dossierId, ...choices } = request;
    const dossier = options.dossier(dossierId);
    const fees = options.fees(dossier.procedure.code, dossier.receivedAt.slice(0, 10));
    const unknown = unknownChoices(fees, choices);
    if (unknown.length > 0) throw new CoreError('invalid-input', `No fee item ${unknown.join(', ').slice(0, 200)} in this procedure`, { field: 'feeId', unknown });
    const result = quoteFees({ procedureCode: dossier.procedure.code, channel: dossier.channel, fees, settings: repo.readFeeSettings(storage.db()), choices });
    const bank = options.formValues().bank;
    const qr = bank && result.total > 0 && result.missing.length === 0 ? buildVietQr({ bin: bank.bin, account: bank.account, amount: result.total, purpose: dossier.code }) : null;
    return { dossierId, dossierCode: dossier.code, procedureCode: dossier.procedure.code, ...result, vietqr: qr?.ok ? qr.payload : null };
  }

  function lookupCode(): string {
    return Array.from({ length: 10 }, () => LOOKUP_ALPHABET.charAt(randomInt(LOOKUP_ALPHABET.length))).join('');
  }

  function draftFor(payment: Payment, fields: Readonly<{ payerName?: string | undefined; replaces?: string | null }>): ReceiptDraft {
    return {
      id: uuidv7(clock.now().getTime()),
      version: 1,
      provider: 'local-signed',
      dossierId: payment.dossierId,
      dossierCode: payment.dossierCode,
      paymentId: payment.id,
      agencyCode: options.agencyCode(),
      issuedAt: nowIso(),
      method: payment.method,
      amount: payment.amount,
      payerName: fields.payerName ?? payment.payerName,
      lines: payment.lines.map((line) => ({ name: line.name, unit: line.unit, quantity: line.quantity, amount: line.amount ?? 0, exemptReason: line.exemptReason })),
      lookupCode: lookupCode(),
      replaces: fields.replaces ?? null,
      replacedBy: null,
      cancelledAt: null,
      cancelReason: null,
    };
  }

  /** Inside a transaction: issue (or store provisionally), audit, and queue the push of a locally signed one. */
  function issueWithin(db: CounterDatabase, payment: Payment, fields: Readonly<{ payerName?: string | undefined; replaces?: string | null; related?: RelatedInvoice | null }>): Receipt {
    const settings = repo.readReceiptSettings(db, options.secrets);
    const draft = draftFor(payment, fields);
    const dossier = options.dossier(payment.dossierId);
    const receipt = provider(settings).issueWithin(db, draft, {
      settings,
      sellerName: options.formValues().unitName,
      buyerAddress: dossier.applicant.address ?? '',
      related: fields.related ?? null,
    });
    audit(db, receipt, receipt.status === 'issued' ? 'receipt.issued' : 'receipt.provisional', {
      paymentId: payment.id,
      method: payment.method,
      replaces: receipt.replaces,
      exemptions: payment.lines.filter((line) => line.exemptReason !== null).map((line) => ({ feeId: line.id, reason: line.exemptReason })),
    });
    if (receipt.status === 'issued') queuePush(db, receipt, 'receipt.issued');
    return receipt;
  }

  function queuePush(db: CounterDatabase, receipt: Receipt, kind: 'receipt.issued' | 'receipt.cancelled'): void {
    insertOutboxJob(db, { id: uuidv7(clock.now().getTime()), kind, aggregateId: receipt.id, payload: receipt, createdAt: nowIso() });
  }

  function audit(db: CounterDatabase, receipt: Receipt, action: string, details: Readonly<Record<string, unknown>>): void {
    appendAudit(db, {
      id: uuidv7(clock.now().getTime()),
      at: nowIso(),
      actor: options.actor(),
      action,
      entity: 'dossier',
      entityId: receipt.dossierId,
      details: { receiptId: receipt.id, symbol: receipt.symbol, number: receipt.number, amount: receipt.amount, ...details },
    });
  }

  function transaction<T>(work: (db: CounterDatabase) => T): T {
    const db = storage.db();
    return db.transaction(() => work(db)).immediate();
  }

  function receipt(id: string): Receipt {
    const found = repo.findReceipt(storage.db(), id);
    if (!found) throw new CoreError('not-found', `No receipt ${id.slice(0, 64)}`);
    return found;
  }

  /** The collector's name as the contract shows it (PaymentSchema `collectorName`). */
  function withCollector(payment: Payment): Payment {
    if (payment.collectorName !== null) return payment;
    const name = options.actorName?.(payment.recordedBy) ?? (payment.recordedBy.startsWith('clerk:') ? payment.recordedBy : null);
    return name === null ? payment : { ...payment, collectorName: name };
  }

  /** Who took the money a receipt is for; null when nobody is known (setup mode) or the payment is gone. */
  function collectorOf(receipt: Pick<Receipt, 'paymentId'>): string | null {
    const payment = repo.findPayment(storage.db(), receipt.paymentId);
    return payment === null ? null : withCollector(payment).collectorName;
  }

  return { options, nowIso, nowUtc, quote, issueWithin, queuePush, audit, transaction, receipt, provider, withCollector, collectorOf };
}
