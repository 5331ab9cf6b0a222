import type { ImportPreview, ImportRun } from '../../../shared/contract/import.contract';

/** Contract-shaped answers for the fake core (what the real import.* handlers return). */
export function ordersPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    token: 'tok_orders_1234',
    file: 'zamowienia.csv',
    size: 20480,
    sha256: 'ab'.repeat(32),
    format: 'allegro-orders-csv',
    encoding: 'windows-1250',
    status: 'ready',
    counts: { inserted: 12, updated: 0, unchanged: 0, rejected: 1, warnings: 1, errors: 1 },
    entities: { orders: { inserted: 12, updated: 0, unchanged: 0 }, orderLines: { inserted: 20, updated: 0, unchanged: 0 } },
    problems: [
      {
        severity: 'error',
        code: 'bad_amount',
        file: 'zamowienia.csv',
        row: 7,
        jsonPath: null,
        column: 'Kwota / Amount',
        value: '12,3,4 zł',
        message: { pl: 'Nieprawidłowa kwota.', en: 'Invalid amount.' },
      },
      {
        severity: 'warning',
        code: 'ean_scientific',
        file: 'zamowienia.csv',
        row: 9,
        jsonPath: null,
        column: 'EAN',
        value: '5,90123E+12',
        message: { pl: 'EAN zapisany przez Excela w postaci naukowej — pominięto.', en: 'EAN mangled by Excel — skipped.' },
      },
    ],
    problemsTotal: 2,
    mapping: null,
    alreadyImported: null,
    countedOn: null,
    needsCountedOn: false,
    sample: {
      columns: ['Zamówienie / Order', 'Kupujący / Buyer'],
      rows: [
        { row: 6, jsonPath: null, key: 'o-1', action: 'insert', values: ['o-1', 'anna_k'] },
        { row: 7, jsonPath: null, key: 'o-2', action: 'invalid', values: ['o-2', 'jan_n'] },
      ],
    },
    ...overrides,
  };
}

export function sheetPreview(): ImportPreview {
  return ordersPreview({
    token: 'tok_sheet_12345',
    file: 'stan magazynu.xlsx',
    format: 'owner-stock-sheet',
    encoding: null,
    status: 'needs_mapping',
    counts: { inserted: 3, updated: 0, unchanged: 0, rejected: 0, warnings: 0, errors: 0 },
    entities: { products: { inserted: 3, updated: 0, unchanged: 0 } },
    problems: [],
    problemsTotal: 0,
    mapping: {
      signature: 'sig-1',
      sheet: 'Arkusz1',
      headerRow: 2,
      columns: [
        { index: 0, letter: 'A', header: 'Nazwa towaru', samples: ['Kubek', 'Miska'], field: 'name' },
        { index: 1, letter: 'B', header: 'Szt.', samples: ['4', '10'], field: null },
        { index: 2, letter: 'C', header: 'Kod', samples: ['KUB-1', 'MIS-2'], field: 'sku' },
      ],
      mapping: { headerRow: 2, columns: [{ index: 0, field: 'name' }, { index: 2, field: 'sku' }] },
      savedMappingName: null,
      needsConfirmation: true,
      missingFields: ['quantity'],
    },
    sample: { columns: ['SKU', 'Nazwa / Name'], rows: [{ row: 3, jsonPath: null, key: 'KUB-1', action: 'insert', values: ['KUB-1', 'Kubek'] }] },
  });
}

export function run(overrides: Partial<ImportRun> = {}): ImportRun {
  return {
    id: 1,
    file: 'zamowienia.csv',
    checksum: 'ab'.repeat(32),
    format: 'allegro-orders-csv',
    status: 'committed',
    inserted: 11,
    updated: 0,
    unchanged: 0,
    skippedRows: 1,
    warnings: 1,
    actor: 'owner',
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T10:00:02.000Z',
    undoneAt: null,
    entities: { orders: { inserted: 11, updated: 0, unchanged: 0 } },
    ...overrides,
  };
}
