import type { ErrorCode } from '../../../shared/contract/errors.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Banner } from '../../ui/Banner.tsx';

/**
 * Shown when the core could not open the counter's data file. The clerk must learn three things: what
 * happened (the code's message), that nothing saved is lost, and to call IT; the code is for IT.
 */
export function StorageBanner(props: Readonly<{ code: ErrorCode }>) {
  const { t, describeError } = useT();
  return (
    <Banner title={t('storage.banner.title')} testId="storage-banner">
      <p data-testid="storage-banner-reason">{describeError(props.code)}</p>
      <p>{t('storage.banner.safe')}</p>
      <p className="banner__action">{t('storage.banner.action')}</p>
      <p className="banner__code">
        {t('storage.banner.code')}: <code data-testid="storage-banner-code">{props.code}</code>
      </p>
    </Banner>
  );
}
