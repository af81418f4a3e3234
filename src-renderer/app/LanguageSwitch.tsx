import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/enums';
import { setLanguage, useLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <label className="language-switch">
      <span>{t('app.language')}</span>
      <select data-testid="language-select" aria-label={t('app.language')} value={lang} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`app.languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
