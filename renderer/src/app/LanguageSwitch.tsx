import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { type Lang, useLanguage, useT } from '../i18n/i18n';
import { appMessages } from './app.messages';

/** PL | EN. The choice is remembered (localStorage) for the next start. */
export function LanguageSwitch() {
  const { lang, setLang } = useLanguage();
  const t = useT(appMessages);
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={lang}
      onChange={(_e, next: Lang | null) => next && setLang(next)}
      aria-label={t('language')}
    >
      <ToggleButton value="pl" aria-label={t('langPl')} lang="pl">
        PL
      </ToggleButton>
      <ToggleButton value="en" aria-label={t('langEn')} lang="en">
        EN
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
