import { z } from 'zod';
import { LocalDateSchema, TimeLimitSchema } from './time-limit.ts';

/**
 * The procedure catalogue (danh mục thủ tục hành chính), versioned by effective date. A version is in force
 * on day D when effectiveFrom <= D < effectiveTo (effectiveTo null = still in force). Every fact carries a
 * citation: which sources it came from and how sure we are (DOMAIN.md: V checked against a primary source,
 * S seen in public code or secondary pages, U unconfirmed). Facts marked U are data an administrator must
 * check, never something the code relies on silently. See docs/CATALOGUE.md.
 */

/** National procedure code as published on the national portal, e.g. 2.000815. */
export const ProcedureCodeSchema = z.string().regex(/^\d\.\d{6}$/, 'd.dddddd');
/** A province's local code for the same procedure, e.g. 2.000815.000.00.00.H55 (agency-code suffix). */
export const LocalProcedureCodeSchema = z.string().regex(/^\d\.\d{6}\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'd.dddddd.ddd.dd.dd.Xdd');

export const ConfidenceSchema = z.enum(['V', 'S', 'U']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

const SourceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes');

/** Where a fact came from. Sources are listed once per version and cited by id. */
export const CatalogueSourceRefSchema = z
  .object({
    id: SourceIdSchema,
    title: z.string().min(3).max(300),
    /** Null when the material has no stable public address (e.g. a file in a public repository found by search). */
    url: z.url().nullable(),
    /** When it was read (YYYY-MM-DD). */
    retrieved: LocalDateSchema,
    kind: z.enum(['national-portal', 'provincial-portal', 'legal-text', 'repository', 'secondary']),
    note: z.string().max(500).optional(),
  })
  .strict();
export type CatalogueSourceRef = z.infer<typeof CatalogueSourceRefSchema>;

export const CitationSchema = z
  .object({
    sources: z.array(SourceIdSchema).max(10),
    confidence: ConfidenceSchema,
    note: z.string().max(500).optional(),
  })
  .strict()
  .refine((cite) => cite.confidence === 'U' || cite.sources.length > 0, 'a V or S fact cites at least one source');
export type Citation = z.infer<typeof CitationSchema>;

/**
 * After the 2025 reform local government has two tiers, province and commune (xã, phường, đặc khu).
 * `district` is kept only for historic versions that ended on or before 2025-07-01.
 */
export const ProcedureLevelSchema = z.enum(['province', 'commune', 'district']);
export type ProcedureLevel = z.infer<typeof ProcedureLevelSchema>;
export const LEVEL_REFORM_DATE = '2025-07-01';

export const AgencyKindSchema = z.enum([
  'commune-people-committee',
  'province-people-committee',
  'province-department',
  'commune-police',
  'province-police',
  'land-registration-office',
  'social-insurance',
  'other',
]);
export type AgencyKind = z.infer<typeof AgencyKindSchema>;

export const ReceivingAgencySchema = z
  .object({
    kind: AgencyKindSchema,
    /** Who receives the dossier, as the procedure states it (e.g. Trung tâm Phục vụ hành chính công cấp xã). */
    receivedAt: z.string().min(3).max(300),
    /** Who decides. */
    decidedBy: z.string().min(3).max(300),
    cite: CitationSchema,
  })
  .strict();

export const TimeLimitFactSchema = z
  .object({
    /** The rule the due date is computed from; null when no source confirmed it (the clerk sets the date). */
    rule: TimeLimitSchema.nullable(),
    /** The limit as the procedure states it, including the longer limits for verification. */
    text: z.string().min(3).max(600),
    cite: CitationSchema,
  })
  .strict();

/** bản chính / bản sao / bản sao chứng thực. */
export const PaperFormSchema = z.enum(['original', 'copy', 'certified-copy']);
export type PaperForm = z.infer<typeof PaperFormSchema>;

export const RequiredPaperSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    name: z.string().min(3).max(500),
    form: PaperFormSchema,
    /** Other forms that are also accepted (e.g. a copy presented with the original for comparison). */
    alsoAccepted: z.array(PaperFormSchema).max(3).optional(),
    /** Shown to the clerk (xuất trình) and handed back, not kept in the dossier. */
    presentOnly: z.boolean().optional(),
    count: z.number().int().min(1).max(20),
    required: z.boolean(),
    /** When the paper is needed, for papers that depend on the case. */
    condition: z.string().max(500).optional(),
    notes: z.string().max(500).optional(),
    cite: CitationSchema,
  })
  .strict();
export type RequiredPaper = z.infer<typeof RequiredPaperSchema>;

export const FeeUnitSchema = z.enum(['dossier', 'case', 'copy', 'page', 'document', 'certificate', 'person', 'registration']);
export type FeeUnit = z.infer<typeof FeeUnitSchema>;

export const FeeItemSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    /** phí (fee for a service) or lệ phí (charge). */
    kind: z.enum(['fee', 'charge']),
    name: z.string().min(3).max(300),
    /** national: set by a ministry's circular; province: set by each provincial People's Council (HĐND). */
    setBy: z.enum(['national', 'province']),
    /** VND per unit; null when each province sets it (the centre's administrator enters the local amount). */
    amount: z.number().int().nonnegative().nullable(),
    unit: FeeUnitSchema,
    /** Amounts that change with the count, e.g. 2.000 đ/page for pages 1–2, then 1.000 đ/page from page 3. */
    tiers: z
      .array(z.object({ fromUnit: z.number().int().min(1), amount: z.number().int().nonnegative() }).strict())
      .max(5)
      .optional(),
    cap: z.object({ amount: z.number().int().positive(), per: FeeUnitSchema }).strict().optional(),
    /** Online filing is often charged less or nothing. */
    channel: z.enum(['any', 'direct', 'online']),
    exemptions: z.array(z.string().min(3).max(300)).max(20),
    notes: z.string().max(800).optional(),
    cite: CitationSchema,
  })
  .strict();
export type FeeItem = z.infer<typeof FeeItemSchema>;

export const DeliveryOptionSchema = z.enum(['counter', 'post', 'online']);

export const LinkedProcedureSchema = z
  .object({
    /** Null when the linked procedure's national code was not confirmed. */
    code: ProcedureCodeSchema.nullable(),
    name: z.string().min(3).max(500),
    notes: z.string().max(500).optional(),
    cite: CitationSchema,
  })
  .strict();

export const ProcedureVersionSchema = z
  .object({
    code: ProcedureCodeSchema,
    localCode: LocalProcedureCodeSchema.nullable(),
    name: z.string().min(3).max(500),
    /** Lĩnh vực, e.g. Hộ tịch, Chứng thực, Đăng ký, quản lý cư trú. */
    sector: z.string().min(2).max(200),
    level: ProcedureLevelSchema,
    /** Cites the code, name, sector and level together. */
    identityCite: CitationSchema,
    effectiveFrom: LocalDateSchema,
    effectiveTo: LocalDateSchema.nullable(),
    receivingAgency: ReceivingAgencySchema,
    timeLimit: TimeLimitFactSchema,
    papers: z.array(RequiredPaperSchema).max(60),
    fees: z.array(FeeItemSchema).max(30),
    delivery: z.object({ options: z.array(DeliveryOptionSchema).min(1).max(3), cite: CitationSchema }).strict(),
    /** Liên thông: procedures received together with this one and processed in parallel. */
    linked: z.array(LinkedProcedureSchema).max(10),
    legalBasis: z.array(z.object({ title: z.string().min(3).max(500), cite: CitationSchema }).strict()).max(30),
    sources: z.array(CatalogueSourceRefSchema).min(1).max(20),
    notes: z.string().max(2000).optional(),
  })
  .strict()
  .superRefine((version, ctx) => {
    if (version.effectiveTo !== null && version.effectiveTo <= version.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo must be after effectiveFrom' });
    }
    if (version.level === 'district' && (version.effectiveTo === null || version.effectiveTo > LEVEL_REFORM_DATE)) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: `district level exists only for versions ended by ${LEVEL_REFORM_DATE}` });
    }
    if (version.localCode !== null && !version.localCode.startsWith(`${version.code}.`)) {
      ctx.addIssue({ code: 'custom', path: ['localCode'], message: 'the local code extends the national code' });
    }
    const known = new Set(version.sources.map((source) => source.id));
    if (known.size !== version.sources.length) ctx.addIssue({ code: 'custom', path: ['sources'], message: 'source ids are unique' });
    for (const [path, cite] of citationsOf(version)) {
      for (const id of cite.sources) {
        if (!known.has(id)) ctx.addIssue({ code: 'custom', path: [...path, 'cite'], message: `cites unknown source ${id}` });
      }
    }
    for (const key of ['papers', 'fees'] as const) {
      const ids = version[key].map((item) => item.id);
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: [key], message: `${key} ids are unique` });
    }
  });
export type ProcedureVersion = z.infer<typeof ProcedureVersionSchema>;

type Cited = Readonly<{ cite: Citation }>;
type CitedVersion = Readonly<{
  identityCite: Citation;
  receivingAgency: Cited;
  timeLimit: Cited;
  delivery: Cited;
  papers: readonly Cited[];
  fees: readonly Cited[];
  linked: readonly Cited[];
  legalBasis: readonly Cited[];
}>;

/** Every citation in a version with where it sits, for checks and for reports of what is unconfirmed. */
export function citationsOf(version: CitedVersion): [(string | number)[], Citation][] {
  const found: [(string | number)[], Citation][] = [
    [['identityCite'], version.identityCite],
    [['receivingAgency'], version.receivingAgency.cite],
    [['timeLimit'], version.timeLimit.cite],
    [['delivery'], version.delivery.cite],
  ];
  version.papers.forEach((paper, index) => found.push([['papers', index], paper.cite]));
  version.fees.forEach((fee, index) => found.push([['fees', index], fee.cite]));
  version.linked.forEach((link, index) => found.push([['linked', index], link.cite]));
  version.legalBasis.forEach((basis, index) => found.push([['legalBasis', index], basis.cite]));
  return found;
}

/** Where a version in the counter's file came from: the catalogue shipped with the app, or the central server. */
export const CatalogueOriginSchema = z.enum(['shipped', 'server']);
export type CatalogueOrigin = z.infer<typeof CatalogueOriginSchema>;

/** A version as the core hands it out: the data plus which catalogue (origin and revision) it came from. */
export const CatalogueEntrySchema = z.object({
  origin: CatalogueOriginSchema,
  catalogueRevision: z.number().int().nonnegative(),
  version: ProcedureVersionSchema,
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

export const CatalogueSummarySchema = z.object({
  code: ProcedureCodeSchema,
  localCode: LocalProcedureCodeSchema.nullable(),
  name: z.string(),
  sector: z.string(),
  level: ProcedureLevelSchema,
  effectiveFrom: LocalDateSchema,
  effectiveTo: LocalDateSchema.nullable(),
  timeLimit: TimeLimitSchema.nullable(),
  receivingAgencyKind: AgencyKindSchema,
  origin: CatalogueOriginSchema,
});
export type CatalogueSummary = z.infer<typeof CatalogueSummarySchema>;

export const CatalogueSearchInputSchema = z
  .object({
    /** A code or its prefix (2.0004), or words of the name with or without diacritics. Empty lists everything. */
    query: z.string().max(200),
    level: ProcedureLevelSchema.optional(),
    /** Lĩnh vực, compared without diacritics or case. */
    sector: z.string().max(200).optional(),
    /** The day whose versions are searched; today in Vietnam by default. */
    at: LocalDateSchema.optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict();
export type CatalogueSearchInput = z.infer<typeof CatalogueSearchInputSchema>;

export const CatalogueSearchOutputSchema = z.object({ items: z.array(CatalogueSummarySchema) });

export const CatalogueGetInputSchema = z
  .object({
    /** National (2.000815) or local (2.000815.000.00.00.H55) code. */
    code: z.string().min(8).max(40),
    at: LocalDateSchema.optional(),
  })
  .strict();
export type CatalogueGetInput = z.infer<typeof CatalogueGetInputSchema>;

/** resources/catalogue/index.json: the shipped catalogue's revision and its files (one per sector). */
export const CatalogueManifestSchema = z
  .object({
    format: z.literal('mot-cua-catalogue'),
    /** Raised by one for every release that changes any file; a counter loads the shipped files when this is newer. */
    revision: z.number().int().positive(),
    publishedAt: LocalDateSchema,
    files: z.array(z.string().regex(/^[a-z0-9-]+\.json$/)).min(1),
  })
  .strict();
export type CatalogueManifest = z.infer<typeof CatalogueManifestSchema>;

export const CatalogueFileSchema = z
  .object({
    sector: z.string().min(2).max(200),
    versions: z.array(ProcedureVersionSchema).min(1),
  })
  .strict();
export type CatalogueFile = z.infer<typeof CatalogueFileSchema>;
