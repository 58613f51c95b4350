import path from 'node:path';
import { z } from 'zod';
import { ProcedureVersionSchema } from '../../shared/contract/catalogue.ts';
import type { AuthService } from '../features/auth/service.ts';
import { saveSchedules } from '../features/calendar/pulled-schedules.ts';
import type { ReloadableCalendar } from '../features/calendar/reloadable.ts';
import type { CatalogueService } from '../features/catalogue/service.ts';
import type { ReferenceAppliers } from '../features/sync/pull-reference.ts';

/** The catalogue document's body: a release as server/features/reference/load.ts stores it. */
const ReleaseSchema = z.object({ revision: z.number().int().positive(), publishedAt: z.string(), versions: z.array(ProcedureVersionSchema).min(1) });

/**
 * Wiring of pulled reference data to the features that own it, through their services' own load functions:
 * clerks → auth, catalogue → `importRelease('server', …)` (it overrides the shipped one), calendars → files in
 * DATA/calendar and a reload. Services made after sync are reached through getters. Form templates are not
 * pulled yet: the printing feature has no loader for templates from data (docs/SIGN-IN.md, "Not yet").
 */
export function referenceAppliers(deps: Readonly<{ auth: AuthService; catalogue: () => CatalogueService; calendar: () => ReloadableCalendar; dataDir: string }>): ReferenceAppliers {
  return {
    clerks: (db, clerks) => deps.auth.replaceAccounts(db, clerks),
    catalogue: (_db, body) => deps.catalogue().importRelease('server', ReleaseSchema.parse(body)),
    calendars: (_db, years) => {
      saveSchedules(path.join(deps.dataDir, 'calendar'), years);
    },
    applied: (kind) => {
      if (kind === 'clerks') deps.auth.accountsChanged();
      if (kind === 'calendars') deps.calendar().reload();
    },
  };
}
