// The frame of the screens before the app proper (welcome, login, a refused
// company file): the name, the language switch, and the page below.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export function StartFrame(props: { testId: string; className?: string; code?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`welcome${props.className ? ` ${props.className}` : ''}`} data-testid={props.testId} data-code={props.code}>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <div className="topbar-spacer" />
        <LanguageSwitch />
      </header>
      <div className="welcome-body">{props.children}</div>
    </div>
  );
}
