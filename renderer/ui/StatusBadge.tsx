import type { Tone } from './tone.ts';

/** A status in words and colour; the words alone must carry the meaning (colour is a second cue). */
export function StatusBadge(props: Readonly<{ tone: Tone; label: string; testId?: string; state?: string }>) {
  return (
    <span className={`badge badge--${props.tone}`} data-testid={props.testId} data-state={props.state}>
      <span className="badge__dot" aria-hidden="true" />
      {props.label}
    </span>
  );
}
