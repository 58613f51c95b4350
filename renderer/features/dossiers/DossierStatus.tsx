import type { DossierStatus as Status } from '../../../shared/domain/dossiers/status.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import type { Tone } from '../../ui/tone.ts';

const TONE: Readonly<Record<Status, Tone>> = {
  received: 'neutral',
  processing: 'neutral',
  'supplement-requested': 'warn',
  'result-ready': 'ok',
  returned: 'ok',
  refused: 'danger',
  withdrawn: 'neutral',
  stopped: 'danger',
};

/** The status in words (and colour); overdue is said in words too. */
export function DossierStatusBadge(props: Readonly<{ status: Status; overdue: boolean; testId?: string }>) {
  const { t } = useT();
  return (
    <span className="status-line">
      <StatusBadge tone={TONE[props.status]} label={t(`dossier.status.${props.status}`)} state={props.status} testId={props.testId} />
      {props.overdue ? <StatusBadge tone="danger" label={t('dossiers.overdue')} testId={props.testId ? `${props.testId}-overdue` : undefined} /> : null}
    </span>
  );
}
