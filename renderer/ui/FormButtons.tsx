import { Kbd } from './Kbd.tsx';

/**
 * A small form's two buttons: confirm (the form's submit, Enter) and back out (Esc, which the form handles).
 * `pending` disables confirm while the core works: one press, one change.
 */
export function FormButtons(props: Readonly<{ confirm: string; cancel: string; pending: boolean; confirmTestId: string; onCancel: () => void }>) {
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" disabled={props.pending} data-testid={props.confirmTestId}>
        {props.confirm} <Kbd keys="Enter" />
      </button>
      <button type="button" className="button button--secondary" onClick={props.onCancel}>
        {props.cancel} <Kbd keys="Esc" />
      </button>
    </div>
  );
}
