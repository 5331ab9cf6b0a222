import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';
import { monthPeriod } from '../export/period';
import { deleteCashReport, loadCashReport, saveCashReport } from './cash-register';
import { deleteRate, fetchNbpRates, importNbpFile, lastWorkingDayBefore, listRates, manualRate, saveRates } from './exchange-rates';

type Channels = 'accounting.rates' | 'accounting.importRates' | 'accounting.fetchRates' | 'accounting.saveRate' | 'accounting.deleteRate' | 'accounting.cashReport' | 'accounting.saveCashReport' | 'accounting.deleteCashReport';

/** The register's own inputs (issue 14 points 6 and 7): NBP rates and the cash register's periodic report. */
export const registerInputsHandlers: Pick<AreaHandlers<'accounting.'>, Channels> = {
  'accounting.rates': ({ month }, { core }) => {
    const period = month ? monthPeriod(month) : null;
    return listRates(core.sqlite, period ? { from: period.firstDay, to: period.lastDay } : {}).map((r) => ({ currency: r.currency, day: r.day, tableNo: r.tableNo, rate: r.rate, source: r.source }));
  },
  'accounting.importRates': ({ contentBase64 }, { core }) => importNbpFile(core.sqlite, new Uint8Array(Buffer.from(contentBase64, 'base64')), core.now()),
  // From the last working day before the month (the first days' sales take it) to the month's last day.
  'accounting.fetchRates': ({ month }, { core }) => {
    const period = monthPeriod(month);
    return fetchNbpRates(core.sqlite, lastWorkingDayBefore(period.firstDay), period.lastDay, core.now());
  },
  'accounting.saveRate': (input, { core }) => {
    const rate = manualRate(input);
    if (!rate) throw new DomainError('invalid_input', 'Not a rate.');
    saveRates(core.sqlite, [rate], 'manual', core.now());
    return { currency: rate.currency, day: rate.day, tableNo: rate.tableNo, rate: rate.rate, source: 'manual' as const };
  },
  'accounting.deleteRate': ({ currency, day }, { core }) => ({ deleted: deleteRate(core.sqlite, currency, day) }),
  'accounting.cashReport': ({ month }, { core }) => loadCashReport(core.sqlite, month),
  'accounting.saveCashReport': ({ month, number, reportDate, totals }, { core }) => {
    saveCashReport(core.sqlite, { month, number, reportDate, totals }, core.now());
    return { saved: true };
  },
  'accounting.deleteCashReport': ({ month }, { core }) => ({ deleted: deleteCashReport(core.sqlite, month) }),
};
