/** A keyboard shortcut as the clerk presses it ("Alt+2", "Ctrl+Enter"); screen readers read the text. */
export function Kbd(props: Readonly<{ keys: string }>) {
  return <kbd className="kbd">{props.keys}</kbd>;
}
