import path from 'node:path';
import { z } from 'zod';
import { ProcedureVersionSchema } from '../../shared/contract/catalogue.ts';
import { FormTemplatesBodySchema } from '../../shared/contract/central-api.ts';
import type { FormValues } from '../../shared/domain/forms/model.ts';
import type { AuthService } from '../features/auth/service.ts';
import { saveSchedules } from '../features/calendar/pulled-schedules.ts';
import type { ReloadableCalendar } from '../features/calendar/reloadable.ts';
import type { CatalogueService } from '../features/catalogue/service.ts';
import type { PrintingService } from '../features/printing/service.ts';
import type { ReferenceAppliers } from '../features/sync/pull-reference.ts';

/** The catalogue document's body: a release as server/features/reference/load.ts stores it. */
const ReleaseSchema = z.object({ revision: z.number().int().positive(), publishedAt: z.string(), versions: z.array(ProcedureVersionSchema).min(1) });

/**
 * The form values a form-templates document sets: validated whole (a throw refuses it and the local values
 * stay), then only the fields the document names, so those it leaves out keep the counter's own values.
 */
export function formValuesFromDocument(body: unknown): Partial<FormValues> {
  const { formValues = {} } = FormTemplatesBodySchema.parse(body);
  const named = new Set(Object.keys((body as { formValues?: object }).formValues ?? {}));
  return Object.fromEntries(Object.entries(formValues).filter(([key]) => named.has(key)));
}

/**
 * Wiring of pulled reference data to the features that own it, through their services' own load functions:
 * clerks → auth, catalogue → `importRelease('server', …)` (it overrides the shipped one), calendars → files in
 * DATA/calendar and a reload, form templates → the centre's form values through `printing.setFormValues` and
 * the province's templates, when the document has them, through `printing.setDownloadedTemplates`.
 * Services made after sync are reached through getters. Each runs in the transaction that records the version.
 */
export function referenceAppliers(
  deps: Readonly<{ auth: AuthService; catalogue: () => CatalogueService; calendar: () => ReloadableCalendar; printing: () => PrintingService; dataDir: string }>,
): ReferenceAppliers {
  return {
    clerks: (db, clerks) => deps.auth.replaceAccounts(db, clerks),
    catalogue: (_db, body) => deps.catalogue().importRelease('server', ReleaseSchema.parse(body)),
    calendars: (_db, years) => {
      saveSchedules(path.join(deps.dataDir, 'calendar'), years);
    },
    formTemplates: (_db, body) => {
      const { templates } = FormTemplatesBodySchema.parse(body);
      deps.printing().setFormValues(formValuesFromDocument(body));
      if (templates !== undefined) deps.printing().setDownloadedTemplates(templates);
    },
    applied: (kind) => {
      if (kind === 'clerks') deps.auth.accountsChanged();
      if (kind === 'calendars') deps.calendar().reload();
    },
  };
}
