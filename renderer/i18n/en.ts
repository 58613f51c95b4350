import { enDossiers } from './dossiers.en.ts';
import { enIntake } from './intake.en.ts';
import { enAuth } from './auth.en.ts';
import { enScan } from './scan.en.ts';
import { enDevices } from './devices.en.ts';
import { enReports } from './reports.en.ts';
import { enSettings } from './settings.en.ts';
import { enPayment } from './payment.en.ts';
import { enFees } from './fees.en.ts';
import type { Catalogue } from './vi.ts';

/** English: same keys as `vi.ts`; the type makes a missing or extra key a compile error. */
export const en: Catalogue = {
  'app.name': 'Một Cửa Desk',
  'app.tagline': 'One-stop reception and results desk',
  'app.loading': 'Loading…',

  'language.label': 'Language',
  'language.vi': 'Tiếng Việt',
  'language.en': 'English',
  'language.saveFailed': 'The language choice could not be saved: {reason}',

  'home.title': 'Reception counter',
  'home.counter.heading': 'Counter',
  'home.counter.centre': 'Centre',
  'home.counter.counter': 'Counter',
  'home.counter.code': 'Counter code',
  'home.counter.notSet': 'Not set yet',
  'home.counter.notEnrolled': 'Not enrolled with the central server',
  'home.counter.notSetHint': 'IT sets the centre name and the counter name.',
  'home.counter.loadFailed': 'The counter details could not be read: {reason}',

  'home.sync.heading': 'Connection to the central server',
  'home.sync.state.online': 'Online',
  'home.sync.state.offline': 'Offline',
  'home.sync.state.not-configured': 'No server configured',
  'home.sync.state.paused': 'Sync paused',
  'home.sync.explain.online': 'Dossiers are being sent to the central server.',
  'home.sync.explain.offline': 'Dossiers are still saved on this computer and will be sent automatically when the connection returns.',
  'home.sync.explain.not-configured': 'There is no central server address yet. Dossiers are saved on this computer.',
  'home.sync.explain.paused': "The central server refused this counter's credential. Dossiers are still saved on this computer; please call IT.",
  'home.sync.lastError': 'Last error',
  'home.sync.problem.server-unreachable': 'The central server cannot be reached.',
  'home.sync.problem.server-error': 'The central server is having a problem.',
  'home.sync.problem.credential-refused': "The central server refused this counter's credential.",
  'home.sync.clockSkew': "This computer's clock is {minutes} minutes off the central server's. Due dates and dossier codes depend on the date: ask IT to set the clock.",
  'home.sync.technicalDetail': 'Technical detail',
  'home.sync.pending': 'Dossiers waiting to sync',
  'home.sync.scansPending': 'Scanned papers waiting',
  'home.sync.deadLetters': 'Dossiers that failed to send',
  'home.sync.deadLettersHint': 'IT needs to check these.',
  'home.sync.lastSyncAt': 'Last synced',
  'home.sync.never': 'Never',
  'home.sync.unavailable': 'Not available',
  'home.sync.loadFailed': 'The sync status could not be read: {reason}',

  'storage.banner.title': "The counter's data file cannot be used",
  'storage.banner.safe': 'Nothing saved is lost: the app leaves the file as it is for IT to restore.',
  'storage.banner.action': 'Stop taking in dossiers on this computer and call IT now.',
  'storage.banner.code': 'Error code',

  'footer.version': 'Version',
  'footer.dataFile': 'Data file',

  'error.unreachable': "The app's background service cannot be reached.",
  'error.boundary.title': 'This screen hit an error and cannot be shown.',
  'error.boundary.body': 'Saved data is not affected. Reload the screen; if the error comes back, please call IT.',
  'error.boundary.reload': 'Reload',

  ...enIntake,
  ...enDossiers,
  ...enAuth,
  ...enScan,
  ...enDevices,
  ...enReports,
  ...enSettings,
  ...enPayment,
  ...enFees,
};
