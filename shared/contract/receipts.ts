import { z } from 'zod';

/**
 * Fees, payments and receipts (docs/RECEIPTS.md). Amounts are whole VND everywhere. A receipt's id is also
 * its client transaction UUID: the central server and licensed providers use it as the idempotency key, so
 * a request whose answer was lost is looked up, never issued twice.
 */

const Id = z.string().min(1).max(64);
const Vnd = z.number().int().nonnegative().max(9_999_999_999_999);
const Reason = z.string().trim().min(3).max(500);

// --- Fees ---------------------------------------------------------------------------------------------

/** An extra service the centre sells at the counter (photocopies, postal return of the result). */
export const ExtraServiceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
    name: z.string().trim().min(3).max(200),
    amount: Vnd,
    unit: z.string().trim().min(1).max(40),
  })
  .strict();

export const FeeSettingsSchema = z.object({
  services: z.array(ExtraServiceSchema).max(50).default([]),
  /** Amounts the province sets (catalogue amount null), by `<procedure code>/<fee item id>`. */
  localAmounts: z.record(z.string().max(120), Vnd).default({}),
});
export type FeeSettings = z.infer<typeof FeeSettingsSchema>;
export const FeeSettingsPatchSchema = z.object({ services: FeeSettingsSchema.shape.services.optional(), localAmounts: FeeSettingsSchema.shape.localAmounts.optional() }).strict();

export const FeeChoicesSchema = z
  .object({
    /** Counts for fee items charged per page, copy, person …: `{ feeId, quantity, copies? }`. */
    quantities: z.array(z.object({ feeId: z.string().max(64), quantity: z.number().int().min(1).max(10_000), copies: z.number().int().min(1).max(1000).optional() }).strict()).max(30).default([]),
    /** Exempt fee items, each with the reason recorded on the receipt and in the audit. */
    exemptions: z.array(z.object({ feeId: z.string().max(64), reason: Reason }).strict()).max(30).default([]),
    /**
     * Fee items that do not apply to this dossier: the catalogue lists alternatives side by side (tạm trú for one
     * household, or "theo danh sách" per person), and only the clerk knows which one the citizen files.
     */
    omitted: z.array(z.string().max(64)).max(30).default([]),
    /** Extra services sold with the dossier. */
    services: z.array(z.object({ serviceId: z.string().max(40), quantity: z.number().int().min(1).max(1000) }).strict()).max(20).default([]),
  })
  .strict();
export type FeeChoices = z.infer<typeof FeeChoicesSchema>;

export const FeeQuoteInputSchema = FeeChoicesSchema.extend({ dossierId: Id }).strict();

export const QuoteLineSchema = z.object({
  /** The catalogue fee item's id, or `service:<id>` for an extra service. */
  id: z.string(),
  kind: z.enum(['fee', 'charge', 'service']),
  name: z.string(),
  unit: z.string(),
  quantity: z.number().int(),
  /** Null while nobody has entered the province's amount. */
  amount: Vnd.nullable(),
  exemptReason: z.string().nullable(),
});
export type QuoteLine = z.infer<typeof QuoteLineSchema>;

export const FeeQuoteSchema = z.object({
  dossierId: z.string(),
  dossierCode: z.string(),
  lines: z.array(QuoteLineSchema),
  total: Vnd,
  /** Fee items without an amount: the quote cannot be paid until the administrator enters them. */
  missing: z.array(z.string()),
  /** The dynamic VietQR for the total (dossier code as purpose) when the centre has a bank account. */
  vietqr: z.string().nullable(),
});
export type FeeQuote = z.infer<typeof FeeQuoteSchema>;

/**
 * Where the fees of some dossiers stand (`feeState` in shared/domain/receipts/fee-state.ts): for the lists, so a
 * dossier whose fee was left for later shows "chưa thu phí" wherever the clerk meets it.
 */
export const FeeStatusInputSchema = z.object({ dossierIds: z.array(Id).min(1).max(500) }).strict();
export const FeeStatusSchema = z.object({
  dossierId: z.string(),
  state: z.enum(['due', 'free', 'paid', 'unreceipted', 'unknown']),
  total: Vnd.nullable(),
  provisional: z.boolean(),
});
export type FeeStatus = z.infer<typeof FeeStatusSchema>;

// --- Payments ------------------------------------------------------------------------------------------

export const PaymentMethodSchema = z.enum(['cash', 'transfer']);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

export const PaymentRecordInputSchema = FeeChoicesSchema.extend({
  dossierId: Id,
  /** Made by the screen once per payment: a double press or a retried call records one payment. */
  clientTxId: z.uuid(),
  method: PaymentMethodSchema,
  /** Must equal the quote's total: the clerk confirms what the citizen pays. */
  amount: Vnd,
  /** Cash handed over; the change is computed. */
  received: Vnd.optional(),
  /** The bank's transaction reference for a transfer, when the clerk has it. */
  bankReference: z.string().trim().max(64).optional(),
  payerName: z.string().trim().min(1).max(200).optional(),
}).strict();

export const PaymentSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  method: PaymentMethodSchema,
  amount: Vnd,
  received: Vnd.nullable(),
  change: Vnd.nullable(),
  vietqr: z.string().nullable(),
  bankReference: z.string().nullable(),
  payerName: z.string(),
  lines: z.array(QuoteLineSchema),
  recordedAt: z.string(),
  /** The account that recorded it: `clerk:<username>`, or `counter:<profile>` in setup mode (no accounts). */
  recordedBy: z.string(),
  /**
   * Who took the money, by name (the panel's "Người thu", the receipt's NGƯỜI THU TIỀN): the clerk account's
   * display name as it was when the payment was recorded; for a payment stored without one, the account's name
   * now, else its id. Null only when nobody signed in (setup mode): the paper leaves the line to be signed.
   */
  collectorName: z.string().nullable().default(null),
});
export type Payment = z.infer<typeof PaymentSchema>;

export const PaymentListInputSchema = z.object({ dossierId: Id.optional(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), limit: z.number().int().min(1).max(500).default(100) }).strict();

// --- Receipts ------------------------------------------------------------------------------------------

export const ReceiptStatusSchema = z.enum(['provisional', 'issued', 'cancelled', 'replaced']);

export const ReceiptLineSchema = z.object({ name: z.string(), unit: z.string(), quantity: z.number().int(), amount: Vnd, exemptReason: z.string().nullable() });

/** A receipt as the counter holds it and as it travels to the central server (push kind `receipt.issued`). */
export const ReceiptSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  provider: z.enum(['local-signed', 'server']),
  status: ReceiptStatusSchema,
  dossierId: z.string(),
  dossierCode: z.string(),
  paymentId: z.string(),
  agencyCode: z.string().nullable(),
  /** Mẫu số (KHMSHDon) and ký hiệu (KHHDon); null with the number while only provisional. */
  template: z.string().nullable(),
  symbol: z.string().nullable(),
  number: z.number().int().positive().nullable(),
  issuedAt: z.string(),
  method: PaymentMethodSchema,
  amount: Vnd,
  payerName: z.string(),
  lines: z.array(ReceiptLineSchema),
  lookupCode: z.string(),
  replaces: z.string().nullable(),
  replacedBy: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** The signed XML (local-signed, or the server's); null while provisional. */
  xml: z.string().nullable(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const SignerConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('pkcs12'), file: z.string().min(1).max(500), password: z.string().max(200) }).strict(),
  /** A USB token through its PKCS#11 module (OpenSC's pkcs11-tool drives it; docs/RECEIPTS.md). */
  z
    .object({
      kind: z.literal('pkcs11'),
      module: z.string().min(1).max(500),
      tokenLabel: z.string().max(64).optional(),
      keyId: z.string().regex(/^[0-9a-fA-F]{2,64}$/),
      pin: z.string().min(4).max(64),
      certificateFile: z.string().min(1).max(500),
    })
    .strict(),
]);
export type SignerConfig = z.infer<typeof SignerConfigSchema>;

export const ReceiptSettingsSchema = z.object({
  provider: z.enum(['local-signed', 'server']).default('local-signed'),
  /** Mẫu số: '1'…'9' for invoices, or the receipt template the tax office registered (data, not a constant). */
  template: z.string().regex(/^[0-9A-Z/-]{1,11}$/).default('1'),
  /** C (with tax-authority code) or K (without). */
  codeLetter: z.enum(['C', 'K']).default('K'),
  typeLetter: z.string().regex(/^[A-Z]$/).default('T'),
  /** The two characters this counter chooses, so each counter has its own series (stays consecutive offline). */
  counterSeries: z.string().regex(/^[A-Z0-9]{2}$/).default('AA'),
  seller: z
    .object({ name: z.string().trim().max(400).default(''), taxCode: z.string().trim().regex(/^(\d{10}(-\d{3})?)?$/).default(''), address: z.string().trim().max(400).default('') })
    .default({ name: '', taxCode: '', address: '' }),
  signer: SignerConfigSchema.default({ kind: 'none' }),
});
export type ReceiptSettings = z.infer<typeof ReceiptSettingsSchema>;
/** What `receipts.settings` shows: secrets are never returned. */
export const ReceiptSettingsViewSchema = ReceiptSettingsSchema.omit({ signer: true }).extend({ signer: z.object({ kind: z.string(), hasSecret: z.boolean() }) });
export const ReceiptSettingsPatchSchema = z
  .object({
    provider: ReceiptSettingsSchema.shape.provider.optional(),
    template: ReceiptSettingsSchema.shape.template.optional(),
    codeLetter: ReceiptSettingsSchema.shape.codeLetter.optional(),
    typeLetter: ReceiptSettingsSchema.shape.typeLetter.optional(),
    counterSeries: ReceiptSettingsSchema.shape.counterSeries.optional(),
    seller: z.object({ name: z.string().trim().max(400), taxCode: z.string().trim().regex(/^(\d{10}(-\d{3})?)?$/), address: z.string().trim().max(400) }).strict().optional(),
    signer: SignerConfigSchema.optional(),
  })
  .strict();

export const PaymentRecordOutputSchema = z.object({ payment: PaymentSchema, receipt: ReceiptSchema });
export const ReceiptRefInputSchema = z.object({ id: z.uuid() }).strict();
export const ReceiptIssueInputSchema = z.object({ paymentId: Id }).strict();
export const ReceiptCancelInputSchema = z.object({ id: z.uuid(), reason: Reason }).strict();
export const ReceiptReplaceInputSchema = z.object({ id: z.uuid(), reason: Reason, payerName: z.string().trim().min(1).max(200).optional() }).strict();
export const ReceiptReplaceOutputSchema = z.object({ original: ReceiptSchema, replacement: ReceiptSchema });
/** Copies and printer as `printing.print` takes them (default printer unless given). */
export const ReceiptPrintInputSchema = z.object({ receiptId: z.uuid(), copies: z.number().int().min(1).max(5).optional(), printerId: z.string().min(1).max(64).optional() }).strict();
export const ReceiptListInputSchema = z.object({ dossierId: Id.optional(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), limit: z.number().int().min(1).max(500).default(100) }).strict();

const Tally = z.object({ count: z.number().int(), total: Vnd });
export const DailyReportInputSchema = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict();
export const DailyReportSchema = z.object({
  date: z.string(),
  /** Valid receipts (issued) per series, with the first and last number used that day. */
  series: z.array(Tally.extend({ template: z.string(), symbol: z.string(), first: z.number().int(), last: z.number().int() })),
  methods: z.array(Tally.extend({ method: PaymentMethodSchema })),
  cancelled: z.array(z.object({ id: z.string(), symbol: z.string().nullable(), number: z.number().int().nullable(), amount: Vnd, status: ReceiptStatusSchema, reason: z.string().nullable() })),
  provisional: Tally,
  total: Tally,
});
export type DailyReport = z.infer<typeof DailyReportSchema>;
