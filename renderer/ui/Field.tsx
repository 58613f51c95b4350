import type { ReactNode } from 'react';

/**
 * A labelled control with its hint and error. The control gets the ids through `children(props)` so the
 * label, the hint and the error are tied to it (`aria-describedby`, `aria-invalid`) whatever the control is.
 */
export type FieldControlProps = Readonly<{
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}>;

export function Field(
  props: Readonly<{
    id: string;
    label: string;
    hint?: string;
    error?: string | undefined;
    className?: string;
    children: (control: FieldControlProps) => ReactNode;
  }>,
) {
  const { id, label, hint, error } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {props.children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint ? (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field__error" id={errorId} data-testid={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
