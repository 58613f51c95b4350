import type { SystemInfo } from '../../../shared/contract/system.ts';
import type { Loadable } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';

/** For IT on the phone: which version, and which file this counter writes to. */
export function HomeFooter(props: Readonly<{ info: Loadable<SystemInfo> }>) {
  const { t } = useT();
  if (props.info.status !== 'ready') return <footer className="app-footer" />;
  const { appVersion, databaseFile } = props.info.value;
  return (
    <footer className="app-footer">
      <span>
        {t('footer.version')} <span data-testid="app-version">{appVersion}</span>
      </span>
      <span className="app-footer__file">
        {t('footer.dataFile')}: <code data-testid="data-file">{databaseFile}</code>
      </span>
    </footer>
  );
}
