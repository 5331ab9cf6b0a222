import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import { ALLEGRO_RETURN_REASONS, SHOP_RETURN_REASONS } from '../../../../shared/contract/returns.contract';
import type { returnsMessages } from './returns.messages';

type T = (key: keyof (typeof returnsMessages)['pl'] & string) => string;

/** The reason list: Allegro's reasons, then the shop's own, each with its label (a Select's children). */
export function reasonOptions(t: T) {
  return [
    <ListSubheader key="allegro">{t('groupAllegro')}</ListSubheader>,
    ...ALLEGRO_RETURN_REASONS.map((code) => (
      <MenuItem key={code} value={code}>
        {t(`reason_${code}`)}
      </MenuItem>
    )),
    <ListSubheader key="shop">{t('groupShop')}</ListSubheader>,
    ...SHOP_RETURN_REASONS.map((code) => (
      <MenuItem key={code} value={code}>
        {t(`reason_${code}`)}
      </MenuItem>
    )),
  ];
}

/** The label of a stored reason; an unknown code (Allegro may add some) is shown as it is. */
export function reasonLabel(t: T, code: string): string {
  return (RETURN_REASON_SET as ReadonlySet<string>).has(code) ? t(`reason_${code}` as `reason_${(typeof ALLEGRO_RETURN_REASONS)[number]}`) : code;
}

const RETURN_REASON_SET: ReadonlySet<string> = new Set<string>([...ALLEGRO_RETURN_REASONS, ...SHOP_RETURN_REASONS]);
