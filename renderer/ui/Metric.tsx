import type { Tone } from './tone.ts';

/** A labelled count. `value` null means "not known", shown as `placeholder`, never as 0. */
export function Metric(
  props: Readonly<{ label: string; value: number | null; display: string; testId: string; tone?: Tone; hint?: string }>,
) {
  return (
    <div className={`metric${props.tone ? ` metric--${props.tone}` : ''}`}>
      <div className="metric__head">
        <div className="metric__label">{props.label}</div>
        {props.hint ? <div className="metric__hint">{props.hint}</div> : null}
      </div>
      <div className="metric__value" data-testid={props.testId} data-value={props.value ?? ''}>
        {props.display}
      </div>
    </div>
  );
}
