import type { OrderDetail, OrderRow } from '../../../shared/contract/orders.contract';

export function orderRow(over: Partial<OrderRow> = {}): OrderRow {
  return {
    id: 101,
    allegroOrderId: '29cf7b50-9a61-11ef-8b3a-0242ac120002',
    source: 'allegro',
    boughtAt: '2026-06-08T09:15:00.000Z',
    buyerLogin: 'jan_kowalski82',
    buyerName: 'Jan Kowalski',
    status: 'new',
    allegroStatus: 'READY_FOR_PROCESSING',
    fulfillmentStatus: 'NEW',
    payment: 'paid',
    paymentType: 'ONLINE',
    paidAt: '2026-06-08T09:16:00.000Z',
    totalToPayGrosze: 4598,
    currency: 'PLN',
    deliveryMethodName: 'Allegro Paczkomaty InPost',
    carrier: 'inpost',
    pickupPointName: 'KRA01M',
    invoiceRequired: false,
    dispatchBy: '2026-06-09T21:59:59.000Z',
    overdue: false,
    itemCount: 2,
    lineCount: 1,
    firstItemName: 'Kubek ceramiczny 300 ml',
    ...over,
  };
}

export function orderDetail(row: OrderRow, over: Partial<OrderDetail> = {}): OrderDetail {
  return {
    order: {
      ...row,
      revision: '1',
      paidGrosze: 4598,
      paymentProvider: 'P24',
      deliveryCostGrosze: 999,
      marketplace: 'allegro-pl',
      documentNumber: null,
      buyerMessage: 'Proszę zapakować na prezent',
      sellerNote: null,
      dispatchByComputed: true,
      updatedAt: '2026-06-08T09:16:00.000Z',
    },
    buyer: { login: row.buyerLogin, name: row.buyerName, email: 'x1+abc@allegromail.pl', phone: '600 100 200', guest: false },
    delivery: { methodName: row.deliveryMethodName, carrier: row.carrier, costGrosze: 999, pickupPoint: { id: 'KRA01M', name: 'Paczkomat KRA01M', address: 'ul. Karmelicka 10, 31-128 Kraków' }, address: null },
    invoice: { companyName: 'Kowalski Sp. z o.o.', taxId: '5260250274', firstName: null, lastName: null, street: 'ul. Długa 1', zip: '00-001', city: 'Warszawa', country: 'PL' },
    lines: [
      {
        id: 1,
        name: 'Kubek ceramiczny 300 ml',
        offerId: '17012345678',
        externalId: 'KUB-001',
        quantity: 2,
        packedQuantity: 0,
        unitPriceGrosze: 1799,
        currency: 'PLN',
        reservedQuantity: 2,
        product: { id: 1, sku: 'KUB-001', name: 'Kubek ceramiczny 300 ml', ean: '5901234123457', locationCode: 'A-01', onHand: 12, reserved: 2, available: 10 },
      },
      { id: 2, name: 'Zestaw prezentowy', offerId: '17099999999', externalId: 'ZEST-9', quantity: 1, packedQuantity: 0, unitPriceGrosze: 1000, currency: 'PLN', reservedQuantity: 0, product: null },
    ],
    shipments: [],
    timeline: [
      { at: '2026-06-08T10:00:00.000Z', actor: 'owner', action: 'order.import', details: { file: 'checkout-forms.json' } },
      { at: '2026-06-08T11:00:00.000Z', actor: 'helper', action: 'order.status', details: { from: 'new', to: 'on_hold', reason: 'Czekamy na dopłatę' } },
    ],
    allowedNext: ['to_pick', 'on_hold', 'cancelled'],
    ...over,
  };
}
