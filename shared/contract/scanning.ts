import { z } from 'zod';

// Scanning and digitisation (docs/SCANNING.md): scanners, scan sessions, documents (PDFs addressed by SHA-256).

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
export const ScannerBackendSchema = z.enum(['sane', 'escl', 'wia', 'naps2']);
export const ScanSourceSchema = z.enum(['flatbed', 'feeder']);
/** colour for photos and stamps; grey for most papers; lineart (black and white) for plain text, smallest. */
export const ScanModeSchema = z.enum(['colour', 'grey', 'lineart']);
export type ScanMode = z.infer<typeof ScanModeSchema>;
export type ScanSource = z.infer<typeof ScanSourceSchema>;

export const ScannerInfoSchema = z.object({
  /** `<backend>:<device>`, e.g. `sane:test:0`, `escl:quay-1`. */
  id: z.string().min(1).max(300),
  backend: ScannerBackendSchema,
  name: z.string(),
  sources: z.array(ScanSourceSchema),
  duplex: z.boolean(),
  modes: z.array(ScanModeSchema),
  /** Resolutions offered (dpi), ascending. */
  resolutions: z.array(z.number().int().positive()),
});
export type ScannerInfo = z.infer<typeof ScannerInfoSchema>;

export const ScannersListOutputSchema = z.object({
  scanners: z.array(ScannerInfoSchema),
  /** Backends that could not be asked (scanimage missing, eSCL address not answering), for IT. */
  problems: z.array(z.object({ backend: ScannerBackendSchema, message: z.string() })),
  /**
   * Network scanners found by mDNS that speak eSCL only over HTTPS with a certificate no authority vouches for
   * (the device made it itself): a supervisor may trust its certificate (`scanners.inspectCertificate`, then a
   * scanner in `esclScanners` with `certSha256`). Absent when there is none.
   */
  untrusted: z.array(z.object({ name: z.string(), url: z.string() })).optional(),
});

export const ScannerRefSchema = z.object({ scannerId: z.string().min(1).max(300) }).strict();
export const ScannerTestOutputSchema = z.object({ scanner: ScannerInfoSchema, answeredInMs: z.number().int().nonnegative() });

const PaperLink = { dossierId: z.string().min(1).max(64).optional(), paperIndex: z.number().int().min(0).max(199).optional() };

export const ScanStartInputSchema = z
  .object({
    scannerId: z.string().min(1).max(300),
    source: ScanSourceSchema.default('flatbed'),
    duplex: z.boolean().default(false),
    dpi: z.number().int().min(75).max(600).default(300),
    mode: ScanModeSchema.default('grey'),
    /** For this scan only, instead of the settings' `deskew` / `autoCrop` (an explicit `autoCrop` applies to the feeder too). */
    deskew: z.boolean().optional(),
    autoCrop: z.boolean().optional(),
    ...PaperLink,
  })
  .strict();
export type ScanStartInput = z.infer<typeof ScanStartInputSchema>;

export const ScanSessionRefSchema = z.object({ sessionId: z.string().min(1).max(64) }).strict();

export const DocumentLinkSchema = z.object({
  dossierId: z.string(),
  paperIndex: z.number().int(),
  linkedAt: z.string(),
  /** Set when the paper reused a document digitised for another dossier. */
  reusedFromDossierId: z.string().nullable(),
});

export const DocumentSchema = z.object({
  sha256: Sha256Schema,
  size: z.number().int().positive(),
  pages: z.number().int().positive(),
  mediaType: z.literal('application/pdf'),
  source: z.enum(['scan', 'import']),
  createdAt: z.string(),
  /** 1-based page numbers that look blank: flagged for the clerk, never dropped silently. */
  blankPages: z.array(z.number().int().positive()),
  links: z.array(DocumentLinkSchema),
  uploadedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** The file was removed from this counter (retention after the server confirmed it). */
  removedAt: z.string().nullable(),
});
export type DocumentInfo = z.infer<typeof DocumentSchema>;

export const ScanProgressSchema = z.object({
  sessionId: z.string(),
  state: z.enum(['scanning', 'assembling', 'done', 'failed', 'cancelled']),
  pagesDone: z.number().int().nonnegative(),
  /** The page that just arrived (1-based), with its flag; absent on state changes. */
  page: z
    .object({
      number: z.number().int().positive(),
      width: z.number().int(),
      height: z.number().int(),
      blank: z.boolean(),
      bytes: z.number().int(),
      /** The page was levelled: its content was skewed this many degrees clockwise (one decimal). */
      deskewedDegrees: z.number().optional(),
      /** The page was cut to the paper found in a bigger scan (a card on the glass, a dark lid around it). */
      cropped: z.boolean().optional(),
    })
    .optional(),
  document: DocumentSchema.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type ScanProgress = z.infer<typeof ScanProgressSchema>;

/** Images are normalised like scanned pages in `mode` (grey by default); a PDF is kept as it is. */
export const DocumentsImportInputSchema = z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100), mode: ScanModeSchema.default('grey'), ...PaperLink }).strict();
export const DocumentsAttachInputSchema = z.object({ dossierId: z.string().min(1).max(64), paperIndex: z.number().int().min(0).max(199), sha256: Sha256Schema }).strict();
export const DocumentsAttachOutputSchema = z.object({ document: DocumentSchema, reused: z.boolean(), dossierVersion: z.number().int() });

export const ReusableDocumentSchema = z.object({
  sha256: Sha256Schema,
  origin: z.enum(['counter', 'server']),
  paperName: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  createdAt: z.string(),
  pages: z.number().int().nonnegative(),
  /** Whether the file is still on this counter (else the server holds it). */
  onCounter: z.boolean(),
  /** The central server listed it for this citizen just now (false when it was not asked: `serverAsked`). */
  onServer: z.boolean(),
});
export const FindReusableInputSchema = z.object({ idNumber: z.string().trim().regex(/^\d{9}(\d{3})?$/, '12-digit căn cước or 9-digit CMND') }).strict();
/** `serverAsked: false`: offline, not enrolled, or the server did not answer in time; the list is this counter's only. */
export const FindReusableOutputSchema = z.object({ documents: z.array(ReusableDocumentSchema), serverAsked: z.boolean() });

export const EsclScannerSettingSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().trim().min(1).max(100),
  /** The scanner's eSCL root, e.g. http://192.168.1.50/eSCL (http or https). */
  url: z.string().trim().max(500).refine((value) => /^https?:\/\/[^\s]+$/i.test(value), { message: 'Must be an http:// or https:// address' }),
  /**
   * For an https scanner whose certificate the device made itself: the SHA-256 of that certificate (DER, lowercase
   * hex), confirmed by a supervisor. Every request then checks the scanner's certificate is exactly this one and
   * nothing else; absent, an https scanner must have a certificate the system's authorities vouch for.
   */
  certSha256: Sha256Schema.optional(),
});

/** The https address whose certificate to show (a TLS handshake only, nothing is sent). */
export const InspectCertificateInputSchema = z
  .object({ url: z.string().trim().max(500).refine((value) => /^https:\/\/[^\s/]+/i.test(value), { message: 'Must be an https:// address' }) })
  .strict();
export const ScannerCertificateSchema = z.object({
  /** SHA-256 of the certificate (DER), lowercase hex: what `certSha256` pins. */
  sha256: Sha256Schema,
  subject: z.string(),
  issuer: z.string(),
  /** ISO 8601. */
  validFrom: z.string(),
  validTo: z.string(),
  /** Signed by its own key (what scanners make for themselves). */
  selfSigned: z.boolean(),
  /** The system's authorities vouch for it for this address: it works without pinning. */
  caTrusted: z.boolean(),
});
export type ScannerCertificate = z.infer<typeof ScannerCertificateSchema>;

export const ScanningSettingsSchema = z.object({
  /** Folders files may be imported from (besides DATA/import); anything else is refused. */
  importFolders: z.array(z.string().min(1).max(4096)).max(20),
  esclScanners: z.array(EsclScannerSettingSchema).max(20),
  /** Days after the server confirmed a scan before its file is removed from this counter. */
  retentionDays: z.number().int().min(0).max(3650),
  maxFileMb: z.number().int().min(1).max(1024),
  maxPages: z.number().int().min(1).max(1000),
  /** NAPS2's console program (Windows), when installed somewhere else than the default. */
  naps2Path: z.string().max(4096).nullable(),
  /** Level pages scanned or imported askew (text lines found turned by 0.2°–5°). */
  deskew: z.boolean(),
  /**
   * Cut flatbed scans and imported images to the paper when it is smaller than the glass (an ID card, a
   * receipt) or framed by a dark lid. Feeder scans are not cut (the feeder's guides already fit the paper)
   * unless a scan asks for it.
   */
  autoCrop: z.boolean(),
});
export type ScanningSettings = z.infer<typeof ScanningSettingsSchema>;
export const ScanningSettingsPatchSchema = ScanningSettingsSchema.partial().strict();

export const DEFAULT_SCANNING_SETTINGS: ScanningSettings = { importFolders: [], esclScanners: [], retentionDays: 30, maxFileMb: 100, maxPages: 300, naps2Path: null, deskew: true, autoCrop: true };

// Page editing (docs/SCANNING.md, "Pages"): a document's pages with small pictures, and a new document made
// from some of its pages (kept, turned, in a new order; pages of another document appended).

/** Clockwise quarter turns, as PDF's /Rotate counts them. */
export const PageRotationSchema = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type PageRotation = z.infer<typeof PageRotationSchema>;

export const DocumentPagesInputSchema = z.object({ sha256: Sha256Schema }).strict();
export const DocumentPageSchema = z.object({
  /** 0-based position in the document. */
  index: z.number().int().nonnegative(),
  /** The page as shown (after its rotation), in PDF points. */
  widthPt: z.number().positive(),
  heightPt: z.number().positive(),
  rotate: PageRotationSchema,
  blank: z.boolean(),
  /** A small JPEG of the page as shown (`data:image/jpeg;base64,…`); null when the page is not one picture (a PDF imported as it came). */
  thumbnail: z.string().nullable(),
});
export const DocumentPagesOutputSchema = z.object({ sha256: Sha256Schema, pages: z.array(DocumentPageSchema) });
export type DocumentPage = z.infer<typeof DocumentPageSchema>;

export const PageEditSchema = z
  .object({
    /** The document the page comes from when it is not the one edited (pages scanned to append). */
    from: Sha256Schema.optional(),
    index: z.number().int().min(0).max(999),
    /** Turned this much further clockwise. */
    rotate: PageRotationSchema.default(0),
  })
  .strict();
export const DocumentsEditPagesInputSchema = z
  .object({
    sha256: Sha256Schema,
    /** The paper that holds the document now; it is linked to the new one (other dossiers reusing it keep the old). */
    dossierId: z.string().min(1).max(64),
    paperIndex: z.number().int().min(0).max(199),
    /** The new document's pages, in order. Pages left out are dropped. */
    pages: z.array(PageEditSchema).min(1).max(1000),
  })
  .strict();
export type DocumentsEditPagesInput = z.infer<typeof DocumentsEditPagesInputSchema>;

/**
 * Files from the clerk's machine (a file picker, drag and drop) reach the core in chunks: the Node host's
 * WebSocket takes messages of at most 64 KiB, and a browser has no path to hand over. 32 KiB of bytes is
 * 43 692 characters of base64. The type is sniffed from the content in the core, as for `documents.import`.
 */
export const UPLOAD_CHUNK_BYTES = 32 * 1024;
export const DocumentsUploadStartInputSchema = z.object({ size: z.number().int().min(0).max(1024 * 1024 * 1024) }).strict();
export const DocumentsUploadStartOutputSchema = z.object({ uploadId: z.string(), chunkBytes: z.number().int().positive() });
export const DocumentsUploadChunkInputSchema = z
  .object({
    uploadId: z.string().min(1).max(64),
    offset: z.number().int().nonnegative(),
    data: z
      .string()
      .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();
export const DocumentsUploadChunkOutputSchema = z.object({ received: z.number().int().nonnegative() });
export const DocumentsUploadFinishInputSchema = z
  .object({ uploadIds: z.array(z.string().min(1).max(64)).min(1).max(100), mode: ScanModeSchema.default('grey'), ...PaperLink })
  .strict();
