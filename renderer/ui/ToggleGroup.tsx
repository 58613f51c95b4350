export type ToggleOption<V extends string> = Readonly<{ value: V; label: string; lang?: string }>;

/** A row of buttons of which one is pressed (`aria-pressed`), reachable with Tab and worked with Enter/Space. */
export function ToggleGroup<V extends string>(
  props: Readonly<{ label: string; options: readonly ToggleOption<V>[]; value: V; onChange: (value: V) => void; testId?: string }>,
) {
  return (
    <div className="toggle-group" role="group" aria-label={props.label} data-testid={props.testId}>
      {props.options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="toggle-group__button"
          lang={option.lang}
          aria-pressed={option.value === props.value}
          onClick={() => {
            if (option.value !== props.value) props.onChange(option.value);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
