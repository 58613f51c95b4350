import { useT } from '../../i18n/LanguageProvider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { formatVietnamDateTime } from '../../ui/format-time.ts';
import { Panel } from '../../ui/Panel.tsx';
import type { TimelineEntry } from './use-dossier.ts';

const KNOWN_ACTIONS = [
  'dossier.received',
  'dossier.startProcessing',
  'dossier.requestSupplement',
  'dossier.supplement',
  'dossier.refuse',
  'dossier.withdraw',
  'dossier.stop',
  'dossier.markResultReady',
  'dossier.returnResult',
  'dossier.reopen',
  'dossier.scanAttached',
  'dossier.statusFromServer',
  // The fee receipts of the dossier are in its history too (audited with the dossier as entity).
  'receipt.provisional',
  'receipt.issued',
  'receipt.cancelled',
  'receipt.replaced',
] as const;

function labelKey(action: string): MessageKey | null {
  return (KNOWN_ACTIONS as readonly string[]).includes(action) ? (`dossiers.timeline.${action as (typeof KNOWN_ACTIONS)[number]}` as const) : null;
}

/** The detail worth reading in a line: reasons, missing papers, who took the result. Other keys stay in the audit log. */
function detailText(details: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (const key of ['reason', 'receiverName', 'postalTrackingCode', 'note']) {
    const value = details[key];
    if (typeof value === 'string' && value.trim() !== '') parts.push(value);
  }
  const items = details.items;
  if (Array.isArray(items)) parts.push(items.filter((item) => typeof item === 'string').join('; '));
  return parts.join(' · ');
}

/** What happened to the dossier, oldest first, from the append-only audit log. */
export function DossierTimeline(props: Readonly<{ entries: readonly TimelineEntry[] }>) {
  const { t } = useT();
  return (
    <Panel id="dossier-timeline" title={t('dossiers.timeline.heading')} testId="dossier-timeline">
      <ol className="timeline">
        {props.entries.map((entry, index) => {
          const key = labelKey(entry.action);
          const detail = detailText(entry.details);
          return (
            <li key={index} className="timeline__entry" data-action={entry.action}>
              <span className="timeline__at">{formatVietnamDateTime(entry.at)}</span>
              <span className="timeline__what">{key ? t(key) : entry.action}</span>
              {detail ? <span className="timeline__detail">{detail}</span> : null}
              <span className="timeline__actor" title={entry.actor}>
                {entry.actorName ?? (entry.actor.startsWith('counter:') ? t('dossiers.timeline.bySetup') : entry.actor)}
              </span>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
