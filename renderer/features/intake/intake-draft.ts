import type { CatalogueSummary, PaperForm, ProcedureVersion } from '../../../shared/contract/catalogue.ts';
import type { CitizenFromIdQr } from '../../../shared/contract/citizen.ts';
import type { Input } from '../../../shared/contract/methods.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { displayToLocalDate, localDateToDisplay } from '../../ui/format-time.ts';

export type PaperDraft = Readonly<{
  id: string;
  name: string;
  form: PaperForm;
  count: number;
  required: boolean;
  presentOnly: boolean;
  condition: string | undefined;
  received: boolean;
}>;

export type ApplicantDraft = Readonly<{
  idNumber: string;
  oldIdNumber: string;
  fullName: string;
  /** As typed: dd/MM/yyyy. */
  birthDate: string;
  gender: '' | 'male' | 'female';
  address: string;
  phone: string;
  email: string;
}>;

export type IntakeDraft = Readonly<{
  /** Made once per dossier: a second press of "receive" (or a retry) names the same dossier. */
  id: string;
  procedure: CatalogueSummary | null;
  applicant: ApplicantDraft;
  papers: readonly PaperDraft[];
  sets: string;
  delivery: 'counter' | 'post';
  postAddress: string;
  notes: string;
}>;

export const FIELD_KEYS = [
  'procedure',
  'applicant.idNumber',
  'applicant.oldIdNumber',
  'applicant.fullName',
  'applicant.birthDate',
  'applicant.gender',
  'applicant.address',
  'applicant.phone',
  'applicant.email',
  'papers',
  'sets',
  'postAddress',
  'notes',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];
export type FieldErrors = Partial<Record<FieldKey, MessageKey>>;

/** The DOM id of a field's control, so errors can move focus to it. */
export function fieldId(key: FieldKey): string {
  return `intake-${key.replace('.', '-')}`;
}

const EMPTY_APPLICANT: ApplicantDraft = { idNumber: '', oldIdNumber: '', fullName: '', birthDate: '', gender: '', address: '', phone: '', email: '' };

export function emptyDraft(id: string): IntakeDraft {
  return { id, procedure: null, applicant: EMPTY_APPLICANT, papers: [], sets: '1', delivery: 'counter', postAddress: '', notes: '' };
}

/** The checklist from the catalogue: papers always required start ticked, the clerk unticks what is missing. */
export function papersFrom(version: ProcedureVersion): PaperDraft[] {
  return version.papers.map((paper) => ({
    id: paper.id,
    name: paper.name,
    form: paper.form,
    count: paper.count,
    required: paper.required,
    presentOnly: paper.presentOnly ?? false,
    condition: paper.condition,
    received: paper.required && !paper.condition,
  }));
}

/** What the card says, over what was typed; the phone and e-mail are not on the card and stay. */
export function applicantFromCard(current: ApplicantDraft, card: CitizenFromIdQr): ApplicantDraft {
  return {
    ...current,
    idNumber: card.idNumber,
    oldIdNumber: card.oldIdNumber ?? '',
    fullName: card.fullName,
    birthDate: localDateToDisplay(card.birthDate),
    gender: card.gender,
    address: card.address,
  };
}

/** Checks the clerk can fix before anything is sent; the core checks everything again. */
export function checkDraft(draft: IntakeDraft): FieldErrors {
  const errors: FieldErrors = {};
  const { applicant } = draft;
  if (!draft.procedure) errors.procedure = 'intake.error.procedure';
  if (applicant.fullName.trim() === '') errors['applicant.fullName'] = 'intake.error.fullName';
  if (applicant.idNumber.trim() !== '' && !/^\d{12}$/.test(applicant.idNumber.trim())) errors['applicant.idNumber'] = 'intake.error.idNumber';
  if (applicant.birthDate.trim() !== '' && displayToLocalDate(applicant.birthDate) === null) errors['applicant.birthDate'] = 'intake.error.birthDate';
  if (applicant.phone.trim() !== '' && !/^\+?\d[\d .-]{7,18}$/.test(applicant.phone.trim())) errors['applicant.phone'] = 'intake.error.phone';
  const sets = Number(draft.sets);
  if (!Number.isInteger(sets) || sets < 1 || sets > 100) errors.sets = 'intake.error.sets';
  if (draft.delivery === 'post' && draft.postAddress.trim() === '') errors.postAddress = 'intake.error.postAddress';
  return errors;
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

export type IntakeRequest = Input<'dossiers.intake'>;

/** The contract's input for a checked draft (`checkDraft` returned no errors). */
export function toIntakeInput(draft: IntakeDraft): IntakeRequest {
  const { applicant } = draft;
  return {
    id: draft.id,
    procedureCode: draft.procedure?.code ?? '',
    applicant: {
      kind: 'citizen',
      fullName: applicant.fullName.trim(),
      idNumber: optional(applicant.idNumber),
      oldIdNumber: optional(applicant.oldIdNumber),
      birthDate: displayToLocalDate(applicant.birthDate) ?? undefined,
      gender: applicant.gender === '' ? undefined : applicant.gender,
      address: optional(applicant.address),
      phone: optional(applicant.phone),
      email: optional(applicant.email),
    },
    channel: 'direct',
    papers: draft.papers
      .filter((paper) => paper.received)
      .map((paper) => ({ name: paper.name, form: paper.form, count: paper.count, required: paper.required })),
    sets: Number(draft.sets),
    resultDelivery: draft.delivery === 'post' ? { method: 'post', address: draft.postAddress.trim(), phone: optional(applicant.phone) } : { method: 'counter' },
    notes: optional(draft.notes),
  };
}

const ISSUE_FIELDS: ReadonlyArray<readonly [RegExp, FieldKey, MessageKey]> = [
  [/^procedureCode/, 'procedure', 'intake.error.procedure'],
  [/^applicant\.idNumber/, 'applicant.idNumber', 'intake.error.idNumber'],
  [/^applicant\.oldIdNumber/, 'applicant.oldIdNumber', 'intake.error.oldIdNumber'],
  [/^applicant\.fullName/, 'applicant.fullName', 'intake.error.fullName'],
  [/^applicant\.birthDate/, 'applicant.birthDate', 'intake.error.birthDate'],
  [/^applicant\.address/, 'applicant.address', 'intake.error.tooLong'],
  [/^applicant\.phone/, 'applicant.phone', 'intake.error.phone'],
  [/^applicant\.email/, 'applicant.email', 'intake.error.email'],
  [/^papers/, 'papers', 'intake.error.papers'],
  [/^sets/, 'sets', 'intake.error.sets'],
  [/^resultDelivery/, 'postAddress', 'intake.error.postAddress'],
  [/^notes/, 'notes', 'intake.error.tooLong'],
];

/** `invalid-input` details from the core (`{ issues: [{ path, message }] }`) → messages beside the fields. */
export function issuesToFieldErrors(details: unknown): FieldErrors {
  const errors: FieldErrors = {};
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return errors;
  for (const issue of issues as { path?: unknown }[]) {
    const path = typeof issue.path === 'string' ? issue.path : '';
    const match = ISSUE_FIELDS.find(([pattern]) => pattern.test(path));
    if (match && !errors[match[1]]) errors[match[1]] = match[2];
  }
  return errors;
}

export function firstInvalidField(errors: FieldErrors): FieldKey | null {
  return FIELD_KEYS.find((key) => errors[key] !== undefined) ?? null;
}
