import type { ReactNode } from 'react';

/** A screen-wide alert; `role="alert"` makes screen readers announce it as soon as it appears. */
export function Banner(props: Readonly<{ title: string; testId?: string; children: ReactNode }>) {
  return (
    <div className="banner" role="alert" data-testid={props.testId}>
      <h2 className="banner__title">{props.title}</h2>
      <div className="banner__body">{props.children}</div>
    </div>
  );
}
