import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSessionState } from '../../components/use-session-state';
import { packingMessages } from './packing.messages';
import { type PaperFormat, usePrint, usePrintCapabilities } from './use-print';

/**
 * Packing slips of one or many orders: on an A4 sheet or a 100 × 150 mm label (thermal printers),
 * printed through the system dialog where there is one (the desktop app), and always "Zapisz PDF" —
 * the browser version has no print dialog, so there only the PDF is offered, with a word why.
 */
export function SlipPrintButtons({ orderIds, many = false }: { orderIds: number[]; many?: boolean }) {
  const t = useT(packingMessages);
  const printing = usePrint();
  const caps = usePrintCapabilities();
  const [format, setFormat] = useSessionState<PaperFormat>('packing.slipFormat', 'a4');
  const disabled = printing.busy || orderIds.length === 0;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <ToggleButtonGroup exclusive size="small" value={format} onChange={(_e, v: PaperFormat | null) => v && setFormat(v)} aria-label={t('paper')}>
          <ToggleButton value="a4">{t('formatA4')}</ToggleButton>
          <ToggleButton value="label">{t('formatLabel')}</ToggleButton>
        </ToggleButtonGroup>
        {caps?.printDialog && (
          <Button variant="outlined" startIcon={<PrintIcon />} disabled={disabled} onClick={() => void printing.print('print.packingSlips', orderIds, 'print', format)}>
            {many ? t('printSlips') : t('printSlip')}
          </Button>
        )}
        <Button variant="outlined" startIcon={<PictureAsPdfIcon />} disabled={disabled || caps === null} onClick={() => void printing.print('print.packingSlips', orderIds, 'pdf', format)}>
          {many ? t('slipsPdf') : t('printSlipPdf')}
        </Button>
      </Stack>
      {caps && !caps.printDialog && (
        <Typography variant="body2" color="text.secondary">
          {t('noPrintDialog')}
        </Typography>
      )}
      <ErrorAlert error={printing.error} onClose={printing.clearError} />
    </Stack>
  );
}
