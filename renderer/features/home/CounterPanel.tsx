import type { CounterIdentity } from '../../../shared/contract/settings.ts';
import type { Loadable } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { describeFailure } from './describe-failure.ts';

function Fact(props: Readonly<{ label: string; value: string | null; emptyText: string; testId: string }>) {
  const empty = props.value === null || props.value.trim() === '';
  return (
    <div className="facts__row">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} data-empty={empty}>
        {empty ? <span className="not-set">{props.emptyText}</span> : props.value}
      </dd>
    </div>
  );
}

/** Which centre and counter this PC is: what a supervisor checks first when walking past. */
export function CounterPanel(props: Readonly<{ counter: Loadable<CounterIdentity> }>) {
  const translator = useT();
  const { t } = translator;
  const { counter } = props;
  if (counter.status !== 'ready') {
    return (
      <Panel id="counter" title={t('home.counter.heading')} testId="counter-panel">
        <p className={counter.status === 'failed' ? 'panel__error' : 'muted'}>
          {counter.status === 'failed' ? t('home.counter.loadFailed', { reason: describeFailure(counter.error, translator) }) : t('app.loading')}
        </p>
      </Panel>
    );
  }
  const { centreName, counterName, counterCode } = counter.value;
  const incomplete = centreName.trim() === '' || counterName.trim() === '';
  return (
    <Panel id="counter" title={t('home.counter.heading')} testId="counter-panel">
      <dl className="facts">
        <Fact label={t('home.counter.centre')} value={centreName} emptyText={t('home.counter.notSet')} testId="centre-name" />
        <Fact label={t('home.counter.counter')} value={counterName} emptyText={t('home.counter.notSet')} testId="counter-name" />
        <Fact label={t('home.counter.code')} value={counterCode} emptyText={t('home.counter.notEnrolled')} testId="counter-code" />
      </dl>
      {incomplete ? <p className="hint">{t('home.counter.notSetHint')}</p> : null}
    </Panel>
  );
}
