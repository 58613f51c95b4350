import type { ReactNode } from 'react';
import type { CoreClientError } from '../core-client/core-client-error.ts';
import { describeFailure } from '../features/home/describe-failure.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

/**
 * A failed call explained where it happened: what went wrong in the clerk's language, then anything the
 * screen adds (what was kept), then the stable code IT asks for. `role="alert"` announces it at once.
 */
export function FailureBanner(
  props: Readonly<{ failure: CoreClientError; testId: string; title?: string; heading?: 'h2' | 'h3'; children?: ReactNode }>,
) {
  const translator = useT();
  const Heading = props.heading ?? 'h3';
  return (
    <div className="banner" role="alert" data-testid={props.testId} data-code={props.failure.code}>
      {props.title === undefined ? null : <Heading className="banner__title">{props.title}</Heading>}
      <p>{describeFailure(props.failure, translator)}</p>
      {props.children}
      <p className="banner__code">
        {translator.t('common.errorCode')}: <code>{props.failure.code}</code>
      </p>
    </div>
  );
}
