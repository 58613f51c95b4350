import { useEffect, useState } from 'react';
import type { CalendarYear } from '../../../shared/contract/calendar.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { asCoreClientError, type Loadable } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { failureText } from './settings-failure.ts';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** calendar.year's weekday numbers (0 = Sunday) as the catalogue's keys. */
const WEEKDAY_KEY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const sessionsText = (sessions: readonly { start: string; end: string }[]): string => sessions.map((session) => `${session.start}–${session.end}`).join(', ');
const dayMonth = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** Read-only: the centre's working hours and a year's holidays, nghỉ bù and make-up days, as due dates use them. */
export function CalendarSection(props: Readonly<{ thisYear: number }>) {
  const translator = useT();
  const { t } = translator;
  const core = useCore();
  const [year, setYear] = useState(props.thisYear);
  const [state, setState] = useState<Loadable<CalendarYear>>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void core.call('calendar.year', { year }).then(
      (value) => {
        if (current) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', error: asCoreClientError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [core, year]);

  const years = [props.thisYear - 1, props.thisYear, props.thisYear + 1];

  return (
    <Panel id="settings-calendar" title={t('settings.calendar.heading')} testId="settings-calendar">
      <p className="hint">{t('settings.calendar.readOnlyHint')}</p>
      <Field id="settings-calendar-year" label={t('settings.calendar.year')}>
        {(control) => (
          <select {...control} className="input input--short" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        )}
      </Field>
      {state.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {state.status === 'failed' ? <p className="panel__error">{t('settings.loadFailed', { reason: failureText(state.error, translator) })}</p> : null}
      {state.status === 'ready' ? (
        <div className="calendar-layout">
          <div>
          <h3 className="settings-subtitle">{t('settings.calendar.hours')}</h3>
          <dl className="facts facts--compact" data-testid="calendar-hours">
            {WEEK.map((day) => (
              <div className="facts__row" key={day}>
                <dt>{t(`settings.weekday.${day}`)}</dt>
                <dd>{state.value.hours.week[day].length === 0 ? <span className="not-set">{t('settings.calendar.closed')}</span> : sessionsText(state.value.hours.week[day])}</dd>
              </div>
            ))}
            <div className="facts__row">
              <dt>{t('settings.calendar.makeUpDay')}</dt>
              <dd>{state.value.hours.makeUpDay ? sessionsText(state.value.hours.makeUpDay) : t('settings.calendar.sameAsMonday')}</dd>
            </div>
          </dl>
          <p className="hint" data-testid="calendar-source">
            {state.value.officialSchedule ? t('settings.calendar.official') : t('settings.calendar.computed')}
          </p>
          </div>
          <table className="table settings-table" data-testid="calendar-days">
            <caption className="table__caption">{t('settings.calendar.days', { year: state.value.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.calendar.date')}</th>
                <th scope="col">{t('settings.calendar.weekday')}</th>
                <th scope="col">{t('settings.calendar.reason')}</th>
                <th scope="col">{t('settings.calendar.working')}</th>
              </tr>
            </thead>
            <tbody>
              {state.value.days.map((day) => (
                <tr key={day.date} data-date={day.date}>
                  <td className="table__nowrap">{dayMonth(day.date)}</td>
                  <td>{t(`settings.weekday.${WEEKDAY_KEY[day.weekday] ?? 'mon'}`)}</td>
                  <td lang="vi">{day.reason}</td>
                  <td>{day.working ? <span className="tag">{t('settings.calendar.working')}</span> : t('settings.calendar.off')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Panel>
  );
}
