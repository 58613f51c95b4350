import type { ReactNode } from 'react';

/** A titled section of a screen; the heading labels the region for screen readers. */
export function Panel(props: Readonly<{ id: string; title: string; testId?: string; children: ReactNode }>) {
  const headingId = `${props.id}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId} data-testid={props.testId}>
      <h2 id={headingId} className="panel__title">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
