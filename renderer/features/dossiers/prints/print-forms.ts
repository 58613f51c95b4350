import type { Dossier } from '../../../../shared/contract/dossiers.ts';
import { formatLocalDate, vietnamDayOf } from '../../../../shared/domain/calendar/civil.ts';
import type { FormKind } from '../../../../shared/domain/forms/model.ts';
import { displayToLocalDate } from '../../../ui/format-time.ts';

/** The forms the counter prints from the dossier screen, in the order the panel lists them. */
export const DOSSIER_FORMS = ['appointment', 'supplement', 'refusal', 'handover', 'apology'] as const satisfies readonly FormKind[];
export type DossierForm = (typeof DOSSIER_FORMS)[number];

/**
 * The forms that apply to the dossier as it stands: form 01 always; the supplement request and the refusal once
 * the audit trail has them (the form reads its reason from there); the handover slip once the result went back;
 * the apology letter (form 04) only while the dossier is overdue.
 */
export function printableForms(dossier: Pick<Dossier, 'status'>, actions: readonly string[], overdue: boolean): DossierForm[] {
  const done = new Set(actions);
  const applies: Readonly<Record<DossierForm, boolean>> = {
    appointment: true,
    supplement: done.has('dossier.requestSupplement'),
    refusal: done.has('dossier.refuse'),
    handover: dossier.status === 'returned' || done.has('dossier.returnResult'),
    apology: overdue,
  };
  return DOSSIER_FORMS.filter((form) => applies[form]);
}

export type ApologyDraft = Readonly<{ reason: string; date: string; time: string }>;
export type ApologyProblem = 'reason' | 'date' | 'time' | 'dateNotLater';
export type ApologyCheck = Readonly<{ ok: true; reason: string; newDueAt: string }> | Readonly<{ ok: false; problems: readonly ApologyProblem[] }>;

/** "HH:mm" (24 h) → "HH:mm", or null. */
function localTime(text: string): string | null {
  const match = /^(\d{1,2})[:h](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` : null;
}

/**
 * What the clerk typed for the apology letter: a reason, and the new due date (dd/mm/yyyy) and time (HH:mm) in
 * Vietnam time, which must be after today. The core checks the shape again.
 */
export function checkApology(draft: ApologyDraft, now: Date): ApologyCheck {
  const problems: ApologyProblem[] = [];
  const reason = draft.reason.trim();
  if (reason === '') problems.push('reason');
  const date = displayToLocalDate(draft.date);
  const time = localTime(draft.time);
  if (date === null) problems.push('date');
  else if (date <= formatLocalDate(vietnamDayOf(now.getTime()))) problems.push('dateNotLater');
  if (time === null) problems.push('time');
  if (problems.length > 0 || date === null || time === null) return { ok: false, problems };
  return { ok: true, reason, newDueAt: `${date}T${time}:00+07:00` };
}
