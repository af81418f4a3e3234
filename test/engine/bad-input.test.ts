// SPEC 10: every channel refuses bad input with a typed error that names the
// field, in nb and en, and leaves the database exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/catalog';
import type { ErrorCode } from '../../shared/errors';
import { camtFile, ocrFile } from '../helpers/bankFiles';
import { COMPANY, makeEngine, type TestEngine } from '../helpers/engine';
import { MAX_FILE_BASE64, MAX_FILE_BYTES } from '../../shared/files';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Case {
  readonly name: string;
  readonly input: () => unknown;
  readonly code: ErrorCode;
  readonly field: string | null;
}

let t: TestEngine;
/** An order custom field "Antall etasjer", a whole number from 1 to 50 (issue 12). */
let customField = 0;
const ids = { paid: 0, shipped: 0, production: 0, customer: 0, otherCustomer: 0, otherContact: 0, otherAddress: 0, product: 0, order: 0, line: 0, otherLine: 0, version: 0, confirmed: 0, supplier: 0, po: 0, poLine: 0, poVersion: 0, employee: 0, inactive: 0, project: 0, projectVersion: 0, closedProject: 0, otherProject: 0 };

beforeAll(async () => {
  t = await makeEngine();
  await t.ok('company.save', COMPANY);
  const statuses = await t.ok('statuses.list', {});
  ids.confirmed = statuses.find((s) => s.kind === 'confirmed')!.id;
  ids.paid = statuses.find((s) => s.kind === 'paid')!.id;
  ids.shipped = statuses.find((s) => s.kind === 'shipped')!.id;
  ids.production = statuses.find((s) => s.kind === 'production')!.id;
  const customer = await t.ok('customers.create', { kind: 'business', name: 'Vestland Rør AS', orgNumber: '974760673', contacts: [{ name: 'Per Hansen', phone: '91234567' }] });
  const other = await t.ok('customers.create', { kind: 'private', name: 'Ola Nordmann', contacts: [{ name: 'Ola Nordmann', phone: '+47 412 34 567' }], deliveryAddresses: [{ name: 'Hytta', postalCode: '3580', city: 'Geilo' }] });
  ids.customer = customer.id;
  ids.otherCustomer = other.id;
  ids.otherContact = other.contacts[0]!.id;
  ids.otherAddress = other.deliveryAddresses[0]!.id;
  ids.product = (await t.ok('products.create', { number: 'R-100', name: 'Kobberrør 15 mm', unit: 'm', priceOre: 8990, vatCode: '25', stockManaged: true, ean: '7038010009457' })).id;
  await t.ok('stock.receive', { productId: ids.product, quantity: 50000, costOre: 5000 });
  const order = await t.ok('orders.create', { header: { customerId: ids.customer, orderType: 1, statusId: ids.confirmed }, lines: [{ productId: ids.product, quantity: 2000 }, { productId: ids.product, quantity: 1000 }] });
  const other2 = await t.ok('orders.create', { header: { customerId: ids.otherCustomer, orderType: 1 }, lines: [{ productId: ids.product, quantity: 1000 }] });
  ids.order = order.id;
  ids.line = order.lines[0]!.id;
  ids.otherLine = other2.lines[0]!.id;
  ids.version = order.version;
  ids.supplier = (await t.ok('suppliers.create', { kind: 'business', name: 'Rørgrossisten AS', orgNumber: '923609016' })).id;
  const po = await t.ok('purchase.create', { header: { supplierId: ids.supplier }, lines: [{ productId: ids.product, quantity: 10_000 }] });
  ids.po = po.id;
  ids.poLine = po.lines[0]!.id;
  ids.poVersion = po.version;
  // People and projects (issue 12).
  ids.employee = (await t.ok('employees.create', { name: 'Kari Nordmann', initials: 'KNO' })).id;
  ids.inactive = (await t.ok('employees.create', { name: 'Sluttet Ansatt', initials: 'SA', active: false })).id;
  const project = await t.ok('projects.create', { name: 'Rørlegging Fana', customerId: ids.customer });
  ids.project = project.id;
  ids.projectVersion = project.version;
  ids.closedProject = (await t.ok('projects.create', { name: 'Avsluttet', customerId: ids.customer, status: 'completed' })).id;
  ids.otherProject = (await t.ok('projects.create', { name: 'Hytta', customerId: ids.otherCustomer })).id;
  customField = (await t.ok('customFields.save', { entity: 'order', type: 'number', labelNb: 'Antall etasjer', minValue: 1, maxValue: 50 })).id;
});
afterAll(() => t.close());

// The activity part's records for its cases (issue 12): a comment on another order, a task and a reminder.
const activity = { otherComment: 0, task: 0, note: 0 };
beforeAll(async () => {
  const other = await t.ok('orders.create', { header: { customerId: ids.otherCustomer, orderType: 1 }, lines: [{ productId: ids.product, quantity: 1000 }] });
  activity.otherComment = (await t.ok('comments.add', { orderId: other.id, text: 'Kommentar på en annen ordre' })).id;
  activity.task = (await t.ok('tasks.add', { orderId: ids.order, title: 'Ring kunden', assigneeUserId: null })).id;
  activity.note = (await t.ok('notes.add', { orderId: ids.order, date: '2025-02-01', text: 'Ring kunden' })).id;
});

const goodCustomer = () => ({ kind: 'business', name: 'Nordlys Elektro AS', orgNumber: '923609016' });
const goodProduct = () => ({ number: 'NY-1', name: 'Ny vare', unit: 'stk', priceOre: 1000, vatCode: '25', stockManaged: false });
const goodHeader = () => ({ customerId: ids.customer, orderType: 1 });
/** A status edit as the flow editor sends it (issue 13). */
const flowEdit = (id: number) => ({ id, labelNb: 'Bekreftet', labelEn: 'Confirmed', hidden: false, colour: null });
/** A customer CSV file for the import channels (issue 13). */
const importFile = () => ({ kind: 'customers', fileName: 'kunder.csv', dataBase64: Buffer.from('Navn;Poststed\r\nKari Nordmann;Bergen\r\n', 'utf8').toString('base64') });
const sqlInjection = "number; DROP TABLE order_header; --";

const CASES: Readonly<Record<ChannelName, readonly Case[]>> = {
  'system.bootstrap': [
    { name: 'unknown field', input: () => ({ drop: true }), code: 'unknown_field', field: 'drop' },
    { name: 'not an object', input: () => 'hello', code: 'invalid_type', field: null },
  ],
  'system.createDemo': [
    { name: 'negative order count', input: () => ({ orders: -5 }), code: 'too_small', field: 'orders' },
    { name: 'a company already exists', input: () => ({ orders: 10 }), code: 'company_exists', field: null },
  ],
  'auth.status': [{ name: 'unknown field', input: () => ({ user: 1 }), code: 'unknown_field', field: 'user' }],
  'auth.login': [
    { name: 'unknown user', input: () => ({ username: 'ukjent', pin: '1234' }), code: 'login_failed', field: 'pin' },
    { name: 'missing PIN', input: () => ({ username: 'kari' }), code: 'required', field: 'pin' },
    { name: 'user name with SQL', input: () => ({ username: "kari' OR '1'='1", pin: '1234' }), code: 'invalid_format', field: 'username' },
  ],
  'auth.logout': [{ name: 'unknown field', input: () => ({ all: true }), code: 'unknown_field', field: 'all' }],
  'users.list': [{ name: 'unknown field', input: () => ({ q: 'a' }), code: 'unknown_field', field: 'q' }],
  'users.save': [
    { name: 'PIN with letters', input: () => ({ username: 'kari', name: 'Kari', groupId: 1, pin: '12ab' }), code: 'invalid_pin', field: 'pin' },
    { name: 'unknown group', input: () => ({ username: 'kari', name: 'Kari', groupId: 999, pin: '1234' }), code: 'not_found', field: 'groupId' },
  ],
  'groups.list': [{ name: 'unknown field', input: () => ({ q: 'a' }), code: 'unknown_field', field: 'q' }],
  'groups.save': [
    { name: 'unknown right', input: () => ({ name: 'Lager', rights: ['delete_everything'] }), code: 'invalid_choice', field: 'rights.0' },
    { name: 'missing name', input: () => ({ rights: [] }), code: 'required', field: 'name' },
  ],
  'company.get': [{ name: 'unknown field', input: () => ({ id: 1 }), code: 'unknown_field', field: 'id' }],
  'company.save': [
    { name: 'bad organisation number', input: () => ({ ...COMPANY, orgNumber: '923609017' }), code: 'invalid_org_number', field: 'orgNumber' },
    { name: 'organisation number with letters', input: () => ({ ...COMPANY, orgNumber: '92360901A' }), code: 'invalid_org_number', field: 'orgNumber' },
    { name: 'bad bank account', input: () => ({ ...COMPANY, bankAccount: '15031234561' }), code: 'invalid_bank_account', field: 'bankAccount' },
    { name: 'missing name', input: () => ({ ...COMPANY, name: undefined }), code: 'required', field: 'name' },
    { name: 'empty name', input: () => ({ ...COMPANY, name: '   ' }), code: 'required', field: 'name' },
    { name: 'wrong type', input: () => ({ ...COMPANY, vatRegistered: 'ja' }), code: 'invalid_type', field: 'vatRegistered' },
    { name: 'reminder fee above the legal maximum', input: () => ({ ...COMPANY, reminderFeeOre: 3_501 }), code: 'reminder_fee_above_legal', field: 'reminderFeeOre' },
    { name: 'bad postcode', input: () => ({ ...COMPANY, postalCode: '50A3' }), code: 'invalid_format', field: 'postalCode' },
  ],
  'products.list': [
    { name: 'zero limit', input: () => ({ limit: 0 }), code: 'too_small', field: 'limit' },
    { name: 'search not text', input: () => ({ search: 5 }), code: 'invalid_type', field: 'search' },
  ],
  'products.get': [
    { name: 'id not a number', input: () => ({ id: 'abc' }), code: 'invalid_type', field: 'id' },
    { name: 'unknown id', input: () => ({ id: 99999 }), code: 'not_found', field: 'id' },
  ],
  'products.create': [
    { name: 'unknown custom field', input: () => ({ ...goodProduct(), customFields: { hylleplass: 'A-1' } }), code: 'custom_field_unknown', field: 'customFields.hylleplass' },
    { name: 'negative price', input: () => ({ ...goodProduct(), priceOre: -100 }), code: 'too_small', field: 'priceOre' },
    { name: 'fractional øre', input: () => ({ ...goodProduct(), priceOre: 10.5 }), code: 'not_integer', field: 'priceOre' },
    { name: 'unknown VAT code', input: () => ({ ...goodProduct(), vatCode: '30' }), code: 'invalid_choice', field: 'vatCode' },
    { name: 'bad EAN check digit', input: () => ({ ...goodProduct(), ean: '7038010009458' }), code: 'invalid_ean', field: 'ean' },
    { name: 'duplicate number', input: () => ({ ...goodProduct(), number: 'R-100' }), code: 'duplicate_product_number', field: 'number' },
    { name: 'duplicate EAN', input: () => ({ ...goodProduct(), ean: '7038010009457' }), code: 'duplicate_ean', field: 'ean' },
    { name: 'missing fields', input: () => ({ number: 'X' }), code: 'required', field: 'name' },
  ],
  'products.update': [
    { name: 'unknown id', input: () => ({ id: 424242, ...goodProduct() }), code: 'not_found', field: 'id' },
    { name: 'number with spaces and quotes', input: () => ({ id: ids.product, ...goodProduct(), number: "R-1' OR 1=1" }), code: 'invalid_format', field: 'number' },
  ],
  'products.lookup': [
    { name: 'missing query', input: () => ({}), code: 'required', field: 'query' },
    { name: 'limit too big', input: () => ({ query: 'rør', limit: 5000 }), code: 'too_big', field: 'limit' },
  ],
  'stock.get': [{ name: 'unknown product', input: () => ({ productId: 4040 }), code: 'not_found', field: 'productId' }],
  'stock.available': [
    { name: 'ids not numbers', input: () => ({ productIds: ['a'] }), code: 'invalid_type', field: 'productIds.0' },
    { name: 'too many ids', input: () => ({ productIds: Array.from({ length: 2001 }, (_, i) => i + 1) }), code: 'too_big', field: 'productIds' },
  ],
  'stock.receive': [
    { name: 'negative quantity', input: () => ({ productId: ids.product, quantity: -1000, costOre: 100 }), code: 'too_small', field: 'quantity' },
    { name: 'negative cost', input: () => ({ productId: ids.product, quantity: 1000, costOre: -1 }), code: 'too_small', field: 'costOre' },
  ],
  'stock.adjust': [
    { name: 'zero quantity', input: () => ({ productId: ids.product, quantity: 0, note: 'Telling' }), code: 'quantity_zero', field: 'quantity' },
    { name: 'no reason', input: () => ({ productId: ids.product, quantity: 1000 }), code: 'required', field: 'note' },
    { name: 'below zero on hand', input: () => ({ productId: ids.product, quantity: -99_999_000, note: 'Svinn' }), code: 'insufficient_stock', field: 'quantity' },
  ],
  'customers.list': [{ name: 'negative offset', input: () => ({ offset: -1 }), code: 'too_small', field: 'offset' }],
  'customers.get': [{ name: 'unknown id', input: () => ({ id: 77777 }), code: 'not_found', field: 'id' }],
  'customers.create': [
    { name: 'custom field value not text, number or yes/no', input: () => ({ ...goodCustomer(), customFields: { bransje: { a: 1 } } }), code: 'invalid_choice', field: 'customFields.bransje' },
    { name: 'business without organisation number', input: () => ({ kind: 'business', name: 'Uten Orgnr AS' }), code: 'org_number_required', field: 'orgNumber' },
    { name: 'bad organisation number', input: () => ({ ...goodCustomer(), orgNumber: '123456789' }), code: 'invalid_org_number', field: 'orgNumber' },
    { name: 'unknown kind', input: () => ({ ...goodCustomer(), kind: 'company' }), code: 'invalid_choice', field: 'kind' },
    { name: 'bad contact phone', input: () => ({ ...goodCustomer(), contacts: [{ name: 'Kari', phone: 'ring meg' }] }), code: 'invalid_phone', field: 'contacts.0.phone' },
    { name: 'negative credit limit', input: () => ({ ...goodCustomer(), creditLimitOre: -1 }), code: 'too_small', field: 'creditLimitOre' },
    { name: 'unknown invoice customer', input: () => ({ ...goodCustomer(), invoiceCustomerId: 5555 }), code: 'unknown_customer', field: 'invoiceCustomerId' },
    { name: 'delivery address without a name', input: () => ({ ...goodCustomer(), deliveryAddresses: [{ city: 'Bergen' }] }), code: 'required', field: 'deliveryAddresses.0.name' },
    { name: 'Norwegian delivery address with a 3-digit postal code', input: () => ({ ...goodCustomer(), deliveryAddresses: [{ name: 'Lager', postalCode: '501' }] }), code: 'invalid_postal_code', field: 'deliveryAddresses.0.postalCode' },
    { name: 'delivery address with an id on create', input: () => ({ ...goodCustomer(), deliveryAddresses: [{ id: 1, name: 'Lager' }] }), code: 'unknown_delivery_address', field: 'deliveryAddresses.0.id' },
  ],
  'customers.update': [
    { name: "another customer's contact", input: () => ({ id: ids.customer, ...goodCustomer(), contacts: [{ id: ids.otherContact, name: 'Kapret' }] }), code: 'unknown_contact', field: 'contacts.0.id' },
    { name: 'unknown id', input: () => ({ id: 31337, ...goodCustomer() }), code: 'not_found', field: 'id' },
    { name: "another customer's delivery address", input: () => ({ id: ids.customer, ...goodCustomer(), deliveryAddresses: [{ id: ids.otherAddress, name: 'Kapret' }] }), code: 'unknown_delivery_address', field: 'deliveryAddresses.0.id' },
    { name: 'delivery address with an unknown field', input: () => ({ id: ids.customer, ...goodCustomer(), deliveryAddresses: [{ name: 'Lager', street: 'X' }] }), code: 'unknown_field', field: 'deliveryAddresses.0.street' },
  ],
  'customers.lookup': [{ name: 'query not text', input: () => ({ query: ['a'] }), code: 'invalid_type', field: 'query' }],
  'orders.create': [
    { name: 'custom number with decimals', input: () => ({ header: { ...goodHeader(), customFields: { antall_etasjer: 2.5 } } }), code: 'custom_field_invalid', field: 'header.customFields.antall_etasjer' },
    { name: 'custom number out of range', input: () => ({ header: { ...goodHeader(), customFields: { antall_etasjer: 51 } } }), code: 'custom_field_out_of_range', field: 'header.customFields.antall_etasjer' },
    { name: 'negative quantity', input: () => ({ header: goodHeader(), lines: [{ productId: ids.product, quantity: -1000 }] }), code: 'too_small', field: 'lines.0.quantity' },
    { name: 'zero quantity', input: () => ({ header: goodHeader(), lines: [{ productId: ids.product, quantity: 0 }] }), code: 'too_small', field: 'lines.0.quantity' },
    { name: 'unknown product', input: () => ({ header: goodHeader(), lines: [{ productId: ids.product, quantity: 1000 }, { productId: 98765, quantity: 1000 }] }), code: 'unknown_product', field: 'lines.1.productId' },
    { name: 'unknown customer', input: () => ({ header: { ...goodHeader(), customerId: 12345 }, lines: [] }), code: 'unknown_customer', field: 'header.customerId' },
    { name: 'order type 9 by hand', input: () => ({ header: { ...goodHeader(), orderType: 9 }, lines: [] }), code: 'order_type_import_only', field: 'header.orderType' },
    { name: 'order type out of range', input: () => ({ header: { ...goodHeader(), orderType: 12 }, lines: [] }), code: 'invalid_choice', field: 'header.orderType' },
    { name: 'quote type in a processing status', input: () => ({ header: { ...goodHeader(), orderType: 5, statusId: ids.confirmed }, lines: [] }), code: 'status_needs_processing_type', field: 'header.statusId' },
    { name: 'impossible date', input: () => ({ header: { ...goodHeader(), orderDate: '2025-02-30' }, lines: [] }), code: 'invalid_date', field: 'header.orderDate' },
    { name: "another customer's contact", input: () => ({ header: { ...goodHeader(), contactId: ids.otherContact }, lines: [] }), code: 'unknown_contact', field: 'header.contactId' },
    { name: "another customer's delivery address", input: () => ({ header: { ...goodHeader(), deliveryAddressId: ids.otherAddress }, lines: [] }), code: 'unknown_delivery_address', field: 'header.deliveryAddressId' },
    { name: 'delivery address id not a number', input: () => ({ header: { ...goodHeader(), deliveryAddressId: 'Fjellveien' }, lines: [] }), code: 'invalid_type', field: 'header.deliveryAddressId' },
    { name: 'missing header', input: () => ({ lines: [] }), code: 'required', field: 'header' },
    { name: 'text row outside the list', input: () => ({ header: goodHeader(), lines: [{ productId: ids.product, quantity: 1000 }], texts: [{ index: 2, kind: 'text', text: 'Merknad' }] }), code: 'text_line_index_out_of_range', field: 'texts.0.index' },
    { name: 'two text rows in one place', input: () => ({ header: goodHeader(), lines: [], texts: [{ index: 0, kind: 'heading', text: 'A' }, { index: 0, kind: 'text', text: 'B' }] }), code: 'text_line_index_taken', field: 'texts.1.index' },
    { name: 'blank text row', input: () => ({ header: goodHeader(), lines: [], texts: [{ index: 0, kind: 'text', text: '  ' }] }), code: 'required', field: 'texts.0.text' },
    // people (issue 12)
    { name: 'unknown employee as responsible', input: () => ({ header: { ...goodHeader(), responsibleId: 4242 }, lines: [] }), code: 'not_found', field: 'header.responsibleId' },
    { name: 'inactive employee as our contact', input: () => ({ header: { ...goodHeader(), ourContactId: ids.inactive }, lines: [] }), code: 'employee_inactive', field: 'header.ourContactId' },
    { name: 'closed project', input: () => ({ header: { ...goodHeader(), projectId: ids.closedProject }, lines: [] }), code: 'project_closed', field: 'header.projectId' },
    { name: "another customer's project", input: () => ({ header: { ...goodHeader(), projectId: ids.otherProject }, lines: [] }), code: 'project_other_customer', field: 'header.projectId' },
    { name: 'unknown project', input: () => ({ header: { ...goodHeader(), projectId: 4242 }, lines: [] }), code: 'not_found', field: 'header.projectId' },
    { name: 'title too long', input: () => ({ header: { ...goodHeader(), title: 'T'.repeat(121) }, lines: [] }), code: 'too_long', field: 'header.title' },
    { name: 'employee id not a number', input: () => ({ header: { ...goodHeader(), responsibleId: 'KNO' }, lines: [] }), code: 'invalid_type', field: 'header.responsibleId' },
  ],
  'orders.get': [{ name: 'unknown id', input: () => ({ id: 404 }), code: 'not_found', field: 'id' }],
  'orders.updateHeader': [
    { name: 'stale version', input: () => ({ id: ids.order, version: ids.version + 7, header: { customerReference: 'X' } }), code: 'version_conflict', field: 'version' },
    { name: 'unknown customer', input: () => ({ id: ids.order, version: ids.version, header: { customerId: 9999 } }), code: 'unknown_customer', field: 'header.customerId' },
    { name: "another customer's delivery address", input: () => ({ id: ids.order, version: ids.version, header: { deliveryAddressId: ids.otherAddress } }), code: 'unknown_delivery_address', field: 'header.deliveryAddressId' },
    { name: 'inactive employee as responsible', input: () => ({ id: ids.order, version: ids.version, header: { responsibleId: ids.inactive } }), code: 'employee_inactive', field: 'header.responsibleId' },
    { name: 'closed project', input: () => ({ id: ids.order, version: ids.version, header: { projectId: ids.closedProject } }), code: 'project_closed', field: 'header.projectId' },
    { name: 'unknown employee as our contact', input: () => ({ id: ids.order, version: ids.version, header: { ourContactId: 777 } }), code: 'not_found', field: 'header.ourContactId' },
  ],
  'orders.addLine': [
    { name: 'unknown product', input: () => ({ orderId: ids.order, version: ids.version, line: { productId: 5000, quantity: 1000 } }), code: 'unknown_product', field: 'line.productId' },
    { name: 'negative quantity', input: () => ({ orderId: ids.order, version: ids.version, line: { productId: ids.product, quantity: -1 } }), code: 'too_small', field: 'line.quantity' },
    { name: 'discount above 100 %', input: () => ({ orderId: ids.order, version: ids.version, line: { productId: ids.product, quantity: 1000, discountBp: 10001 } }), code: 'too_big', field: 'line.discountBp' },
  ],
  'orders.updateLine': [
    { name: 'unknown line', input: () => ({ orderId: ids.order, version: ids.version, lineId: 8888, changes: { quantity: 1000 } }), code: 'unknown_line', field: 'lineId' },
    { name: 'negative quantity', input: () => ({ orderId: ids.order, version: ids.version, lineId: ids.line, changes: { quantity: -5 } }), code: 'too_small', field: 'changes.quantity' },
  ],
  'orders.removeLine': [
    { name: "another order's line", input: () => ({ orderId: ids.order, version: ids.version, lineId: ids.otherLine }), code: 'unknown_line', field: 'lineId' },
  ],
  'orders.moveLine': [
    { name: 'negative index', input: () => ({ orderId: ids.order, version: ids.version, lineId: ids.line, toIndex: -1 }), code: 'too_small', field: 'toIndex' },
  ],
  'orders.save': [
    {
      name: "another customer's delivery address",
      input: () => ({ id: ids.order, version: ids.version, header: { ...goodHeader(), deliveryAddressId: ids.otherAddress }, lines: [{ id: ids.line, productId: ids.product, quantity: 2000 }] }),
      code: 'unknown_delivery_address',
      field: 'header.deliveryAddressId',
    },
    {
      name: 'unknown product after a valid header change (all or nothing)',
      input: () => ({ id: ids.order, version: ids.version, header: { ...goodHeader(), customerReference: 'Endret' }, lines: [{ id: ids.line, productId: ids.product, quantity: 5000 }, { productId: 31415, quantity: 1000 }] }),
      code: 'unknown_product',
      field: 'lines.1.productId',
    },
    {
      name: 'the same line twice',
      input: () => ({ id: ids.order, version: ids.version, header: goodHeader(), lines: [{ id: ids.line, productId: ids.product, quantity: 1000 }, { id: ids.line, productId: ids.product, quantity: 1000 }] }),
      code: 'unknown_line',
      field: 'lines.1.id',
    },
    {
      name: "another order's line",
      input: () => ({ id: ids.order, version: ids.version, header: goodHeader(), lines: [{ id: ids.otherLine, productId: ids.product, quantity: 1000 }] }),
      code: 'unknown_line',
      field: 'lines.0.id',
    },
    {
      name: "another customer's project",
      input: () => ({ id: ids.order, version: ids.version, header: { ...goodHeader(), projectId: ids.otherProject }, lines: [{ id: ids.line, productId: ids.product, quantity: 2000 }] }),
      code: 'project_other_customer',
      field: 'header.projectId',
    },
    {
      name: 'inactive employee as our contact',
      input: () => ({ id: ids.order, version: ids.version, header: { ...goodHeader(), ourContactId: ids.inactive }, lines: [{ id: ids.line, productId: ids.product, quantity: 2000 }] }),
      code: 'employee_inactive',
      field: 'header.ourContactId',
    },
  ],
  'orders.list': [
    { name: 'made-up custom field filter', input: () => ({ startRow: 0, endRow: 100, filterModel: { cf_finnes_ikke: { filterType: 'text', type: 'contains', filter: 'a' } } }), code: 'invalid_filter', field: 'filterModel.cf_finnes_ikke' },
    { name: 'SQL in a custom field sort', input: () => ({ startRow: 0, endRow: 100, sortModel: [{ colId: `cf_antall_etasjer) ; DROP TABLE custom_value; --`, sort: 'asc' }] }), code: 'invalid_sort_column', field: 'sortModel.0.colId' },
    { name: 'custom number field filtered as text', input: () => ({ startRow: 0, endRow: 100, filterModel: { cf_antall_etasjer: { filterType: 'text', type: 'contains', filter: '2' } } }), code: 'invalid_filter', field: 'filterModel.cf_antall_etasjer' },
    { name: 'SQL in a sort column', input: () => ({ startRow: 0, endRow: 100, sortModel: [{ colId: sqlInjection, sort: 'asc' }] }), code: 'invalid_sort_column', field: 'sortModel.0.colId' },
    { name: 'unknown sort column', input: () => ({ startRow: 0, endRow: 100, sortModel: [{ colId: 'total_gross_ore', sort: 'asc' }] }), code: 'invalid_sort_column', field: 'sortModel.0.colId' },
    { name: 'SQL in a filter column', input: () => ({ startRow: 0, endRow: 100, filterModel: { [sqlInjection]: { filterType: 'text', type: 'contains', filter: 'a' } } }), code: 'invalid_filter', field: `filterModel.${sqlInjection}` },
    { name: 'text filter on a number column', input: () => ({ startRow: 0, endRow: 100, filterModel: { number: { filterType: 'text', type: 'contains', filter: '1' } } }), code: 'invalid_filter', field: 'filterModel.number' },
    { name: 'bad sort direction', input: () => ({ startRow: 0, endRow: 100, sortModel: [{ colId: 'number', sort: 'sideways' }] }), code: 'invalid_choice', field: 'sortModel.0.sort' },
    { name: 'end before start', input: () => ({ startRow: 100, endRow: 50 }), code: 'too_small', field: 'endRow' },
    { name: 'block too large', input: () => ({ startRow: 0, endRow: 100000 }), code: 'block_too_large', field: 'endRow' },
    { name: 'employee id not a number', input: () => ({ startRow: 0, endRow: 100, employeeId: 'KNO' }), code: 'invalid_type', field: 'employeeId' },
    { name: 'project id negative', input: () => ({ startRow: 0, endRow: 100, projectId: -1 }), code: 'too_small', field: 'projectId' },
    { name: 'text filter on the project number', input: () => ({ startRow: 0, endRow: 100, filterModel: { projectNumber: { filterType: 'text', type: 'contains', filter: '10' } } }), code: 'invalid_filter', field: 'filterModel.projectNumber' },
  ],
  'orders.statusCounts': [
    { name: 'customer id zero', input: () => ({ customerId: 0 }), code: 'too_small', field: 'customerId' },
    { name: 'contact id a fraction', input: () => ({ contactId: 1.5 }), code: 'not_integer', field: 'contactId' },
    { name: 'number filter on the initials', input: () => ({ filterModel: { responsibleInitials: { filterType: 'number', type: 'equals', filter: 1 } } }), code: 'invalid_filter', field: 'filterModel.responsibleInitials' },
    { name: 'SQL in a filter column', input: () => ({ filterModel: { [sqlInjection]: { filterType: 'text', type: 'contains', filter: 'a' } } }), code: 'invalid_filter', field: `filterModel.${sqlInjection}` },
  ],
  'orders.previewTotals': [
    { name: 'unknown VAT code', input: () => ({ lines: [{ quantity: 1000, unitPriceOre: 100, vatCode: '7' }] }), code: 'invalid_choice', field: 'lines.0.vatCode' },
    { name: 'negative quantity', input: () => ({ lines: [{ quantity: -1000, unitPriceOre: 100, vatCode: '25' }] }), code: 'too_small', field: 'lines.0.quantity' },
  ],
  'orders.setStatus': [
    { name: 'unknown status', input: () => ({ id: ids.order, version: ids.version, statusId: 9999 }), code: 'unknown_status', field: 'statusId' },
    { name: 'stale version', input: () => ({ id: ids.order, version: ids.version + 3, statusId: ids.confirmed }), code: 'version_conflict', field: 'version' },
    { name: 'paid before invoiced', input: () => ({ id: ids.order, version: ids.version, statusId: ids.paid }), code: 'status_needs_invoice', field: 'statusId' },
    { name: 'shipped without confirming delivery of the rest', input: () => ({ id: ids.order, version: ids.version, statusId: ids.shipped }), code: 'confirm_deliver_remaining', field: null },
  ],
  'orders.changeType': [
    { name: 'to card payment by hand', input: () => ({ id: ids.order, version: ids.version, orderType: 9 }), code: 'order_type_import_only', field: 'orderType' },
    { name: 'type out of range', input: () => ({ id: ids.order, version: ids.version, orderType: 12 }), code: 'invalid_choice', field: 'orderType' },
  ],
  'orders.deliver': [
    { name: 'more than ordered', input: () => ({ id: ids.order, version: ids.version, lines: [{ lineId: ids.line, quantity: 999_000 }] }), code: 'over_delivery', field: 'lines.0.quantity' },
    { name: "another order's line", input: () => ({ id: ids.order, version: ids.version, lines: [{ lineId: ids.otherLine, quantity: 1000 }] }), code: 'unknown_line', field: 'lines.0.lineId' },
    { name: 'zero quantity', input: () => ({ id: ids.order, version: ids.version, lines: [{ lineId: ids.line, quantity: 0 }] }), code: 'too_small', field: 'lines.0.quantity' },
  ],
  'orders.invoice': [{ name: 'nothing delivered', input: () => ({ id: ids.order, version: ids.version }), code: 'nothing_to_invoice', field: null }],
  'orders.collectiveInvoice': [
    { name: 'nothing eligible', input: () => ({ customerId: ids.customer }), code: 'nothing_eligible', field: 'customerId' },
    { name: 'unknown customer', input: () => ({ customerId: 8080 }), code: 'unknown_customer', field: 'customerId' },
    { name: 'an order that is not delivered', input: () => ({ customerId: ids.customer, orderIds: [ids.order] }), code: 'not_eligible', field: 'orderIds.0' },
  ],
  'orders.convertQuote': [
    { name: 'not a quote', input: () => ({ id: ids.order, version: ids.version, orderType: 1 }), code: 'not_a_quote', field: 'id' },
    { name: 'to a quote again', input: () => ({ id: ids.order, version: ids.version, orderType: 5 }), code: 'invalid_choice', field: 'orderType' },
  ],
  'orders.returnLoan': [{ name: 'not on loan', input: () => ({ id: ids.order, version: ids.version, lines: [{ lineId: ids.line, quantity: 1000 }] }), code: 'not_on_loan', field: 'lines.0.quantity' }],
  'orders.delete': [{ name: 'stale version', input: () => ({ id: ids.order, version: ids.version + 1 }), code: 'version_conflict', field: 'version' }],
  'orders.setSubscription': [{ name: 'unknown interval', input: () => ({ id: ids.order, version: ids.version, interval: 'weekly', start: null }), code: 'invalid_choice', field: 'interval' }],
  'orders.import': [
    { name: 'card order without card data', input: () => ({ source: 'web', customerId: ids.customer, invoiceCustomerId: ids.customer, orderType: 9, lines: [{ productId: ids.product, quantity: 1000 }] }), code: 'card_requires', field: 'card' },
    { name: 'a type that is not imported', input: () => ({ source: 'web', customerId: ids.customer, invoiceCustomerId: ids.customer, orderType: 1, lines: [{ productId: ids.product, quantity: 1000 }] }), code: 'invalid_choice', field: 'orderType' },
  ],
  'subscriptions.run': [{ name: 'unknown field', input: () => ({ until: '2030-01-01' }), code: 'unknown_field', field: 'until' }],
  'invoices.list': [{ name: 'zero limit', input: () => ({ limit: 0 }), code: 'too_small', field: 'limit' }],
  'invoices.get': [{ name: 'unknown invoice', input: () => ({ id: 606 }), code: 'not_found', field: 'id' }],
  'invoices.credit': [
    { name: 'unknown invoice', input: () => ({ invoiceId: 707, lines: [{ invoiceLineId: 1, quantity: 1000 }], returnToStock: false }), code: 'not_found', field: 'invoiceId' },
    { name: 'no lines', input: () => ({ invoiceId: 1, lines: [], returnToStock: false }), code: 'too_small', field: 'lines' },
  ],
  'invoicing.preview': [
    { name: 'another version of the order', input: () => ({ kind: 'order', id: ids.order, version: ids.version + 50 }), code: 'version_conflict', field: 'version' },
    { name: 'unknown invoice to credit', input: () => ({ kind: 'credit', invoiceId: 707, lines: [{ invoiceLineId: 1, quantity: 1000 }], returnToStock: false }), code: 'not_found', field: 'invoiceId' },
    { name: 'an order that is not delivered', input: () => ({ kind: 'collective', customerId: ids.customer, orderIds: [ids.order] }), code: 'not_eligible', field: 'orderIds.0' },
  ],
  'orders.story': [{ name: 'unknown order', input: () => ({ id: 9191 }), code: 'not_found', field: 'id' }],
  'orders.copy': [{ name: 'unknown order', input: () => ({ id: 9191 }), code: 'not_found', field: 'id' }],
  'activity.list': [{ name: 'unknown entity', input: () => ({ entity: 'users', entityId: 1 }), code: 'invalid_choice', field: 'entity' }],
  'statuses.list': [{ name: 'unknown field', input: () => ({ kind: 'x' }), code: 'unknown_field', field: 'kind' }],
  'documents.render': [
    { name: 'unknown document kind', input: () => ({ kind: 'letter', orderId: ids.order }), code: 'invalid_choice', field: 'kind' },
    { name: 'order document without an order', input: () => ({ kind: 'picking_list' }), code: 'required', field: 'orderId' },
    { name: 'unknown order', input: () => ({ kind: 'picking_list', orderId: 424242 }), code: 'not_found', field: 'orderId' },
    { name: 'an invoice id on an order document', input: () => ({ kind: 'picking_list', orderId: ids.order, invoiceId: 1 }), code: 'unknown_field', field: 'invoiceId' },
    { name: 'unknown language', input: () => ({ kind: 'order_confirmation', orderId: ids.order, language: 'de' }), code: 'invalid_choice', field: 'language' },
    { name: 'unknown invoice', input: () => ({ kind: 'invoice', invoiceId: 9999 }), code: 'not_found', field: 'invoiceId' },
    { name: 'packing slip before anything is delivered', input: () => ({ kind: 'packing_slip', orderId: ids.order }), code: 'document_no_delivery', field: null },
    { name: 'waybill with letters in the GS1 prefix', input: () => ({ kind: 'waybill', orderId: ids.order, waybill: { companyPrefix: '70A1234', parcels: [{ weightGrams: 1000 }] } }), code: 'invalid_gs1_prefix', field: 'waybill.companyPrefix' },
    { name: 'waybill with no GS1 prefix given or set for the company', input: () => ({ kind: 'waybill', orderId: ids.order, waybill: { parcels: [{ weightGrams: 1000 }] } }), code: 'gs1_prefix_missing', field: 'waybill.companyPrefix' },
    { name: 'waybill without parcels', input: () => ({ kind: 'waybill', orderId: ids.order, waybill: { companyPrefix: '7012345', parcels: [] } }), code: 'too_small', field: 'waybill.parcels' },
    { name: 'parcel weighing nothing', input: () => ({ kind: 'waybill', orderId: ids.order, waybill: { companyPrefix: '7012345', parcels: [{ weightGrams: 0 }] } }), code: 'too_small', field: 'waybill.parcels.0.weightGrams' },
    { name: 'extension digit above 9', input: () => ({ kind: 'waybill', orderId: ids.order, waybill: { companyPrefix: '7012345', extensionDigit: 10, parcels: [{ weightGrams: 1 }] } }), code: 'too_big', field: 'waybill.extensionDigit' },
  ],
  'documents.list': [
    { name: 'missing order', input: () => ({}), code: 'required', field: 'orderId' },
    { name: 'order id not a number', input: () => ({ orderId: 'x' }), code: 'invalid_type', field: 'orderId' },
  ],
  'documents.get': [
    { name: 'unknown document', input: () => ({ id: 99999 }), code: 'not_found', field: 'id' },
    { name: 'negative id', input: () => ({ id: -1 }), code: 'too_small', field: 'id' },
  ],
  'documents.renderPickingLists': [
    { name: 'no orders', input: () => ({ orderIds: [] }), code: 'too_small', field: 'orderIds' },
    { name: 'more orders than a batch takes', input: () => ({ orderIds: Array.from({ length: 1001 }, (_, i) => i + 1) }), code: 'too_big', field: 'orderIds' },
    { name: 'an unknown order after a good one (all or nothing)', input: () => ({ orderIds: [ids.order, 777777] }), code: 'not_found', field: 'orderIds.1' },
  ],
  'documents.combine': [
    { name: 'no documents', input: () => ({ documentIds: [] }), code: 'too_small', field: 'documentIds' },
    { name: 'an unknown document', input: () => ({ documentIds: [99999] }), code: 'not_found', field: 'documentIds.0' },
  ],
  'documents.printDefaults': [{ name: 'unknown order', input: () => ({ orderId: 4242 }), code: 'not_found', field: 'orderId' }],
  'documents.availability': [{ name: 'unknown order', input: () => ({ orderId: 4242 }), code: 'not_found', field: 'id' }],
  'suppliers.list': [{ name: 'negative offset', input: () => ({ offset: -1 }), code: 'too_small', field: 'offset' }],
  'suppliers.get': [
    { name: 'unknown id', input: () => ({ id: 77777 }), code: 'not_found', field: 'id' },
    { name: 'a customer is no supplier', input: () => ({ id: ids.customer }), code: 'not_found', field: 'id' },
  ],
  'suppliers.create': [
    { name: 'bad organisation number', input: () => ({ kind: 'business', name: 'Feil AS', orgNumber: '923609017' }), code: 'invalid_org_number', field: 'orgNumber' },
    { name: 'business without organisation number', input: () => ({ kind: 'business', name: 'Uten AS' }), code: 'org_number_required', field: 'orgNumber' },
    { name: 'missing name', input: () => ({ kind: 'private' }), code: 'required', field: 'name' },
  ],
  'suppliers.update': [{ name: 'unknown id', input: () => ({ id: 99999, kind: 'private', name: 'X' }), code: 'not_found', field: 'id' }],
  'suppliers.lookup': [{ name: 'query not text', input: () => ({ query: 5 }), code: 'invalid_type', field: 'query' }],
  'purchase.create': [
    { name: 'unknown supplier', input: () => ({ header: { supplierId: 424242 }, lines: [] }), code: 'unknown_supplier', field: 'header.supplierId' },
    { name: 'a customer as supplier', input: () => ({ header: { supplierId: ids.customer }, lines: [] }), code: 'unknown_supplier', field: 'header.supplierId' },
    { name: 'a sales-only order type', input: () => ({ header: { supplierId: ids.supplier, orderType: 3 }, lines: [] }), code: 'invalid_choice', field: 'header.orderType' },
    { name: 'negative quantity', input: () => ({ header: { supplierId: ids.supplier }, lines: [{ productId: ids.product, quantity: -1000 }] }), code: 'too_small', field: 'lines.0.quantity' },
    { name: 'unknown product', input: () => ({ header: { supplierId: ids.supplier }, lines: [{ productId: 31337, quantity: 1000 }] }), code: 'unknown_product', field: 'lines.0.productId' },
    { name: 'realized without lines', input: () => ({ header: { supplierId: ids.supplier, orderType: 4 }, lines: [] }), code: 'purchase_no_lines', field: 'lines' },
    { name: 'inactive employee as responsible', input: () => ({ header: { supplierId: ids.supplier, responsibleId: ids.inactive }, lines: [] }), code: 'employee_inactive', field: 'header.responsibleId' },
    { name: 'closed project', input: () => ({ header: { supplierId: ids.supplier, projectId: ids.closedProject }, lines: [] }), code: 'project_closed', field: 'header.projectId' },
    { name: 'unknown project', input: () => ({ header: { supplierId: ids.supplier, projectId: 5150 }, lines: [] }), code: 'not_found', field: 'header.projectId' },
  ],
  'purchase.get': [
    { name: 'unknown id', input: () => ({ id: 88888 }), code: 'not_found', field: 'id' },
    { name: 'a sales order', input: () => ({ id: ids.order }), code: 'not_found', field: 'id' },
  ],
  'purchase.list': [
    { name: 'unknown status', input: () => ({ statuses: ['lost'] }), code: 'invalid_choice', field: 'statuses.0' },
    { name: 'limit too big', input: () => ({ limit: 5000 }), code: 'too_big', field: 'limit' },
    { name: 'a column not in the sort allowlist', input: () => ({ sort: { colId: 'id; DROP TABLE order_header', sort: 'asc' } }), code: 'invalid_choice', field: 'sort.colId' },
    { name: 'unknown sort direction', input: () => ({ sort: { colId: 'number', sort: 'up' } }), code: 'invalid_choice', field: 'sort.sort' },
    { name: 'project id not a number', input: () => ({ projectId: 'Fana' }), code: 'invalid_type', field: 'projectId' },
    { name: 'employee id zero', input: () => ({ employeeId: 0 }), code: 'too_small', field: 'employeeId' },
  ],
  'purchase.save': [
    { name: 'stale version', input: () => ({ id: ids.po, version: ids.poVersion + 5, header: { supplierId: ids.supplier }, lines: [] }), code: 'version_conflict', field: 'version' },
    { name: "another order's line", input: () => ({ id: ids.po, version: ids.poVersion, header: { supplierId: ids.supplier }, lines: [{ id: ids.line, productId: ids.product, quantity: 1000 }] }), code: 'unknown_line', field: 'lines.0.id' },
    { name: 'unknown employee as our contact', input: () => ({ id: ids.po, version: ids.poVersion, header: { supplierId: ids.supplier, ourContactId: 9191 }, lines: [{ id: ids.poLine, productId: ids.product, quantity: 10_000 }] }), code: 'not_found', field: 'header.ourContactId' },
  ],
  'purchase.reply': [
    { name: 'unknown line', input: () => ({ id: ids.po, version: ids.poVersion, lines: [{ lineId: ids.line, action: 'accept' }] }), code: 'unknown_line', field: 'lines.0.lineId' },
    { name: 'no lines', input: () => ({ id: ids.po, version: ids.poVersion, lines: [] }), code: 'too_small', field: 'lines' },
    { name: 'unknown action', input: () => ({ id: ids.po, version: ids.poVersion, lines: [{ lineId: ids.poLine, action: 'maybe' }] }), code: 'invalid_choice', field: 'lines.0.action' },
    { name: 'the same line twice', input: () => ({ id: ids.po, version: ids.poVersion, lines: [{ lineId: ids.poLine, action: 'accept' }, { lineId: ids.poLine, action: 'refuse' }] }), code: 'duplicate_line', field: 'lines.1.lineId' },
  ],
  'purchase.dispatch': [
    { name: 'dispatch is not used by the company', input: () => ({ id: ids.po, version: ids.poVersion, lines: [{ lineId: ids.poLine, quantity: 1000 }] }), code: 'purchase_option_off', field: null },
    { name: 'zero quantity', input: () => ({ id: ids.po, version: ids.poVersion, lines: [{ lineId: ids.poLine, quantity: 0 }] }), code: 'too_small', field: 'lines.0.quantity' },
  ],
  'purchase.receive': [
    { name: 'before the supplier has replied', input: () => ({ id: ids.po, version: ids.poVersion, lines: [{ lineId: ids.poLine, quantity: 1000 }] }), code: 'purchase_reply_first', field: 'lines.0.lineId' },
    { name: 'negative cost', input: () => ({ id: ids.po, version: ids.poVersion, lines: [{ lineId: ids.poLine, quantity: 1000, costOre: -1 }] }), code: 'too_small', field: 'lines.0.costOre' },
  ],
  'purchase.lineByEan': [{ name: 'bad check digit', input: () => ({ id: ids.po, ean: '7038010009458' }), code: 'invalid_ean', field: 'ean' }],
  'purchase.matchInvoice': [
    { name: 'missing invoice number', input: () => ({ id: ids.po, version: ids.poVersion, invoiceDate: '2025-01-05', lines: [{ lineId: ids.poLine, quantity: 1000, unitPriceOre: 100 }] }), code: 'required', field: 'invoiceNumber' },
    { name: 'bad invoice date', input: () => ({ id: ids.po, version: ids.poVersion, invoiceNumber: 'F1', invoiceDate: '2025-02-30', lines: [{ lineId: ids.poLine, quantity: 1000, unitPriceOre: 100 }] }), code: 'invalid_date', field: 'invoiceDate' },
    { name: 'before the supplier has replied', input: () => ({ id: ids.po, version: ids.poVersion, invoiceNumber: 'F1', invoiceDate: '2025-01-05', lines: [{ lineId: ids.poLine, quantity: 1000, unitPriceOre: 100 }] }), code: 'purchase_reply_first', field: 'lines.0.lineId' },
  ],
  'purchase.cancel': [{ name: 'unknown id', input: () => ({ id: 5151, version: 1 }), code: 'not_found', field: 'id' }],
  'purchase.amend': [
    { name: 'stale version', input: () => ({ id: ids.po, version: ids.poVersion + 1 }), code: 'version_conflict', field: 'version' },
    { name: 'unknown supplier', input: () => ({ id: ids.po, version: ids.poVersion, header: { supplierId: 4040 } }), code: 'unknown_supplier', field: 'header.supplierId' },
  ],
  'purchase.suggestions': [{ name: 'unknown field', input: () => ({ all: true }), code: 'unknown_field', field: 'all' }],
  'purchase.createFromSuggestions': [
    { name: 'nothing below its reorder point', input: () => ({}), code: 'nothing_to_order', field: null },
    { name: 'a product without supplier', input: () => ({ items: [{ productId: ids.product, quantity: 1000 }] }), code: 'product_without_supplier', field: 'items.0.productId' },
    { name: 'empty list', input: () => ({ items: [] }), code: 'too_small', field: 'items' },
  ],
  'documents.setLogo': [
    { name: 'not base64', input: () => ({ imageBase64: 'not base64!!' }), code: 'invalid_format', field: 'imageBase64' },
    { name: 'not an image', input: () => ({ imageBase64: Buffer.from('hello, world').toString('base64') }), code: 'logo_unsupported', field: 'imageBase64' },
    { name: 'missing image', input: () => ({}), code: 'required', field: 'imageBase64' },
  ],

  // ---- invoices, payments and the ledger (issue 11) ----

  'invoices.page': [
    { name: 'unknown field', input: () => ({ startRow: 0, endRow: 10, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'SQL in a sort column', input: () => ({ startRow: 0, endRow: 100, sortModel: [{ colId: sqlInjection, sort: 'asc' }] }), code: 'invalid_sort_column', field: 'sortModel.0.colId' },
    { name: 'a table column, not a list column', input: () => ({ startRow: 0, endRow: 100, sortModel: [{ colId: 'party_id', sort: 'asc' }] }), code: 'invalid_sort_column', field: 'sortModel.0.colId' },
    { name: 'SQL in a filter column', input: () => ({ startRow: 0, endRow: 100, filterModel: { [sqlInjection]: { filterType: 'number', type: 'equals', filter: 1 } } }), code: 'invalid_filter', field: `filterModel.${sqlInjection}` },
    { name: 'date filter on an amount', input: () => ({ startRow: 0, endRow: 100, filterModel: { payableOre: { filterType: 'date', type: 'equals', dateFrom: '2025-01-01' } } }), code: 'invalid_filter', field: 'filterModel.payableOre' },
    { name: 'unknown tab', input: () => ({ startRow: 0, endRow: 100, tab: 'unpaid_forever' }), code: 'invalid_choice', field: 'tab' },
    { name: 'end before start', input: () => ({ startRow: 100, endRow: 50 }), code: 'too_small', field: 'endRow' },
    { name: 'block too large', input: () => ({ startRow: 0, endRow: 100000 }), code: 'block_too_large', field: 'endRow' },
  ],

  'invoices.tabCounts': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'customer id zero', input: () => ({ customerId: 0 }), code: 'too_small', field: 'customerId' },
  ],

  'invoices.detail': [
    { name: 'unknown field', input: () => ({ invoiceId: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown invoice', input: () => ({ invoiceId: 707 }), code: 'not_found', field: 'invoiceId' },
    { name: 'id as text', input: () => ({ invoiceId: '1' }), code: 'invalid_type', field: 'invoiceId' },
  ],

  'payments.register': [
    { name: 'unknown field', input: () => ({ invoiceId: 1, amountOre: 100, paidOn: '2025-01-05', method: 'bank', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown invoice', input: () => ({ invoiceId: 707, amountOre: 100, paidOn: '2025-01-05', method: 'bank' }), code: 'not_found', field: 'invoiceId' },
    { name: 'zero amount', input: () => ({ invoiceId: 1, amountOre: 0, paidOn: '2025-01-05', method: 'bank' }), code: 'too_small', field: 'amountOre' },
    { name: 'negative amount', input: () => ({ invoiceId: 1, amountOre: -500, paidOn: '2025-01-05', method: 'bank' }), code: 'too_small', field: 'amountOre' },
    { name: 'amount out of range', input: () => ({ invoiceId: 1, amountOre: 1e15, paidOn: '2025-01-05', method: 'bank' }), code: 'too_big', field: 'amountOre' },
    { name: 'amount in kroner with decimals', input: () => ({ invoiceId: 1, amountOre: 12.5, paidOn: '2025-01-05', method: 'bank' }), code: 'not_integer', field: 'amountOre' },
    { name: 'impossible date', input: () => ({ invoiceId: 1, amountOre: 100, paidOn: '2025-02-30', method: 'bank' }), code: 'invalid_date', field: 'paidOn' },
    { name: 'unknown method', input: () => ({ invoiceId: 1, amountOre: 100, paidOn: '2025-01-05', method: 'bitcoin' }), code: 'invalid_choice', field: 'method' },
  ],

  'payments.useCredit': [
    { name: 'unknown field', input: () => ({ invoiceId: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown invoice', input: () => ({ invoiceId: 707 }), code: 'not_found', field: 'invoiceId' },
    { name: 'zero amount', input: () => ({ invoiceId: 1, amountOre: 0 }), code: 'too_small', field: 'amountOre' },
  ],

  'payments.refundCredit': [
    { name: 'unknown field', input: () => ({ customerId: 1, amountOre: 100, paidOn: '2025-01-05', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown customer', input: () => ({ customerId: 9999, amountOre: 100, paidOn: '2025-01-05' }), code: 'unknown_customer', field: 'customerId' },
    { name: 'a customer without credit', input: () => ({ customerId: ids.customer, amountOre: 100, paidOn: '2025-01-05' }), code: 'no_customer_credit', field: 'customerId' },
    { name: 'paid back in the future', input: () => ({ customerId: ids.customer, amountOre: 100, paidOn: '2030-01-01' }), code: 'payment_date_in_future', field: 'paidOn' },
    { name: 'bad date', input: () => ({ customerId: ids.customer, amountOre: 100, paidOn: '05.01.2025' }), code: 'invalid_date', field: 'paidOn' },
  ],

  'ledger.customer': [
    { name: 'unknown field', input: () => ({ customerId: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown customer', input: () => ({ customerId: 9999 }), code: 'unknown_customer', field: 'customerId' },
    { name: 'a supplier is no customer', input: () => ({ customerId: ids.supplier }), code: 'unknown_customer', field: 'customerId' },
  ],

  'ledger.aging': [{ name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' }],


  // ---- bank files (issue 11) ----

  'bank.import': [
    { name: 'unknown field', input: () => ({ fileName: 'OCR.txt', content: 'NY', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'missing content', input: () => ({ fileName: 'OCR.txt' }), code: 'required', field: 'content' },
    { name: 'content not text', input: () => ({ fileName: 'OCR.txt', content: 12 }), code: 'invalid_type', field: 'content' },
    { name: 'empty file name', input: () => ({ fileName: '', content: 'NY000010' }), code: 'required', field: 'fileName' },
    { name: 'a file in no known format', input: () => ({ fileName: 'bank.csv', content: 'Dato;Beløp;KID\n03.01.2025;1250,00;01000100000016' }), code: 'bank_file_unknown_format', field: 'content' },
    { name: 'an OCR record of the wrong length', input: () => ({ fileName: 'OCR.txt', content: `NY000010${'0'.repeat(70)}\n` }), code: 'bank_file_record_length', field: 'content' },
    { name: 'OCR totals that do not add up', input: () => ({ fileName: 'OCR.txt', content: ocrFile([{ number: 1, payments: [{ kid: null, amountOre: 100, date: '2025-01-03' }] }]).replace(/NY000089(\d{8})/, 'NY00008900000009') }), code: 'bank_file_totals', field: 'content' },
    { name: 'XML that is not camt.054', input: () => ({ fileName: 'camt.xml', content: '<?xml version="1.0"?><Document><BkToCstmrStmt/></Document>' }), code: 'bank_file_not_camt054', field: 'content' },
    { name: 'a camt.054 entry with a bad amount', input: () => ({ fileName: 'camt.xml', content: camtFile([{ bookingDate: '2025-01-03', ref: 'R1', txs: [{ ref: 'T1', amountOre: 100 }] }]).replace(/>1\.00</g, '>1,00<') }), code: 'bank_file_bad_element', field: 'content' },
  ],

  'bank.imports': [{ name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' }],

  'bank.transactions': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown state', input: () => ({ state: 'matched' }), code: 'invalid_choice', field: 'state' },
    { name: 'unknown import', input: () => ({ importId: 4040, state: 'all' }), code: 'not_found', field: 'importId' },
    { name: 'import id not a number', input: () => ({ importId: 'x' }), code: 'invalid_type', field: 'importId' },
  ],

  'bank.match': [
    { name: 'unknown field', input: () => ({ transactionId: 1, invoiceId: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown transaction', input: () => ({ transactionId: 4040, invoiceId: 1 }), code: 'not_found', field: 'transactionId' },
    { name: 'missing invoice', input: () => ({ transactionId: 1 }), code: 'required', field: 'invoiceId' },
    { name: 'negative transaction id', input: () => ({ transactionId: -1, invoiceId: 1 }), code: 'too_small', field: 'transactionId' },
  ],

  'bank.toCredit': [
    { name: 'unknown field', input: () => ({ transactionId: 1, customerId: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown transaction', input: () => ({ transactionId: 4040, customerId: ids.customer }), code: 'not_found', field: 'transactionId' },
    { name: 'missing customer', input: () => ({ transactionId: 1 }), code: 'required', field: 'customerId' },
    { name: 'customer id a fraction', input: () => ({ transactionId: 1, customerId: 1.5 }), code: 'not_integer', field: 'customerId' },
  ],

  // ---- reminders and void (issue 11) ----

  'reminders.candidates': [{ name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' }],

  'reminders.send': [
    { name: 'unknown field', input: () => ({ customerIds: [ids.customer], sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'no customers', input: () => ({ customerIds: [] }), code: 'too_small', field: 'customerIds' },
    { name: 'customer id not a number', input: () => ({ customerIds: ['abc'] }), code: 'invalid_type', field: 'customerIds.0' },
    { name: 'unknown customer', input: () => ({ customerIds: [ids.customer, 4242] }), code: 'not_found', field: 'customerIds.1' },
    { name: 'unknown language', input: () => ({ customerIds: [ids.customer], language: 'de' }), code: 'invalid_choice', field: 'language' },
  ],

  'reminders.list': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'customer id not a number', input: () => ({ customerId: 'x' }), code: 'invalid_type', field: 'customerId' },
  ],

  'invoices.void': [
    { name: 'unknown field', input: () => ({ invoiceId: 1, reason: 'Feil kunde', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown invoice', input: () => ({ invoiceId: 4242, reason: 'Feil kunde' }), code: 'not_found', field: 'invoiceId' },
    { name: 'no reason', input: () => ({ invoiceId: 1 }), code: 'required', field: 'reason' },
    { name: 'blank reason', input: () => ({ invoiceId: 1, reason: '   ' }), code: 'required', field: 'reason' },
    { name: 'invoice id not a number', input: () => ({ invoiceId: 'én', reason: 'Feil' }), code: 'invalid_type', field: 'invoiceId' },
  ],


  // ---- accounting (issue 11) ----

  'accounting.mapping': [{ name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' }],

  'accounting.saveMapping': [
    { name: 'unknown field', input: () => ({ rows: [{ key: 'bank', account: '1920', accountName: 'Bank' }], sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'no rows', input: () => ({ rows: [] }), code: 'too_small', field: 'rows' },
    { name: 'account with letters', input: () => ({ rows: [{ key: 'receivables', account: '15A0', accountName: 'Kunder' }] }), code: 'invalid_format', field: 'rows.0.account' },
    { name: 'account too short', input: () => ({ rows: [{ key: 'receivables', account: '150', accountName: 'Kunder' }] }), code: 'invalid_format', field: 'rows.0.account' },
    { name: 'empty account name', input: () => ({ rows: [{ key: 'receivables', account: '1500', accountName: '  ' }] }), code: 'required', field: 'rows.0.accountName' },
    { name: 'unknown key', input: () => ({ rows: [{ key: 'lottery', account: '1500', accountName: 'Kunder' }] }), code: 'unknown_account_key', field: 'rows.0.key' },
    {
      name: 'key twice',
      input: () => ({ rows: [{ key: 'bank', account: '1920', accountName: 'Bank' }, { key: 'bank', account: '1921', accountName: 'Bank 2' }] }),
      code: 'duplicate_account_key',
      field: 'rows.1.key',
    },
    { name: 'SQL in the name is stored as text, but a number is not a name', input: () => ({ rows: [{ key: 'bank', account: '1920', accountName: 1920 }] }), code: 'invalid_type', field: 'rows.0.accountName' },
  ],

  'accounting.batches': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown state', input: () => ({ state: 'deleted' }), code: 'invalid_choice', field: 'state' },
    { name: 'impossible date', input: () => ({ from: '2025-02-30' }), code: 'invalid_date', field: 'from' },
    { name: 'negative start row', input: () => ({ startRow: -1 }), code: 'too_small', field: 'startRow' },
  ],

  'accounting.batch': [
    { name: 'unknown field', input: () => ({ id: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown batch', input: () => ({ id: 999_999 }), code: 'batch_not_found', field: 'id' },
    { name: 'id as text', input: () => ({ id: '1' }), code: 'invalid_type', field: 'id' },
  ],

  'accounting.post': [
    { name: 'unknown field', input: () => ({ batchIds: [1], sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'no batches', input: () => ({ batchIds: [] }), code: 'too_small', field: 'batchIds' },
    { name: 'unknown batch', input: () => ({ batchIds: [999_999] }), code: 'batch_not_found', field: 'batchIds.0' },
  ],

  'accounting.trialBalance': [
    { name: 'unknown field', input: () => ({ from: '2025-01-01', to: '2025-12-31', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'missing period', input: () => ({}), code: 'required', field: 'from' },
    { name: 'period backwards', input: () => ({ from: '2025-12-31', to: '2025-01-01' }), code: 'invalid_period', field: 'to' },
  ],

  'accounting.export': [
    { name: 'unknown field', input: () => ({ from: '2025-01-01', to: '2025-12-31', format: 'csv', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown format', input: () => ({ from: '2025-01-01', to: '2025-12-31', format: 'xlsx' }), code: 'invalid_choice', field: 'format' },
    { name: 'period backwards', input: () => ({ from: '2025-12-31', to: '2025-01-01', format: 'saft' }), code: 'invalid_period', field: 'to' },
    { name: 'impossible date', input: () => ({ from: '2025-13-01', to: '2025-12-31', format: 'csv' }), code: 'invalid_date', field: 'from' },
  ],

  'accounting.exports': [{ name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' }],

  // ---- people: employees (issue 12) ----
  'employees.list': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'inactive flag not a yes/no', input: () => ({ includeInactive: 'ja' }), code: 'invalid_type', field: 'includeInactive' },
  ],
  'employees.get': [
    { name: 'unknown field', input: () => ({ id: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown employee', input: () => ({ id: 4242 }), code: 'not_found', field: 'id' },
  ],
  'employees.create': [
    { name: 'unknown field', input: () => ({ name: 'Kari Nordmann', initials: 'KN', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'initials with a digit', input: () => ({ name: 'Kari Nordmann', initials: 'K1' }), code: 'invalid_initials', field: 'initials' },
    { name: 'initials too long', input: () => ({ name: 'Kari Nordmann', initials: 'KARINOR' }), code: 'invalid_initials', field: 'initials' },
    { name: 'empty name', input: () => ({ name: '  ', initials: 'KN' }), code: 'required', field: 'name' },
    { name: 'bad e-mail', input: () => ({ name: 'Kari Nordmann', initials: 'KN', email: 'kari@' }), code: 'invalid_format', field: 'email' },
    { name: 'unknown user', input: () => ({ name: 'Kari Nordmann', initials: 'KN', userId: 4242 }), code: 'not_found', field: 'userId' },
  ],
  'employees.update': [
    { name: 'unknown field', input: () => ({ id: 1, version: 1, name: 'Kari Nordmann', initials: 'KN', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown employee', input: () => ({ id: 4242, version: 1, name: 'Kari Nordmann', initials: 'KN' }), code: 'not_found', field: 'id' },
  ],
  // ---- people: projects (issue 12) ----
  'projects.list': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown status', input: () => ({ status: 'paused' }), code: 'invalid_choice', field: 'status' },
    { name: 'customer id not a number', input: () => ({ customerId: 'Vestland' }), code: 'invalid_type', field: 'customerId' },
    { name: 'limit too big', input: () => ({ limit: 10_000 }), code: 'too_big', field: 'limit' },
  ],
  'projects.get': [
    { name: 'unknown field', input: () => ({ id: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown project', input: () => ({ id: 4242 }), code: 'not_found', field: 'id' },
  ],
  'projects.create': [
    { name: 'unknown field', input: () => ({ name: 'Nytt bygg', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'empty name', input: () => ({ name: '   ' }), code: 'required', field: 'name' },
    { name: 'impossible start date', input: () => ({ name: 'Nytt bygg', startDate: '2025-02-30' }), code: 'invalid_date', field: 'startDate' },
    { name: 'end before start', input: () => ({ name: 'Nytt bygg', startDate: '2025-03-01', endDate: '2025-02-01' }), code: 'end_before_start', field: 'endDate' },
    { name: 'unknown status', input: () => ({ name: 'Nytt bygg', status: 'paused' }), code: 'invalid_choice', field: 'status' },
    { name: 'unknown customer', input: () => ({ name: 'Nytt bygg', customerId: 31337 }), code: 'unknown_customer', field: 'customerId' },
    { name: 'inactive responsible', input: () => ({ name: 'Nytt bygg', responsibleId: ids.inactive }), code: 'employee_inactive', field: 'responsibleId' },
    { name: 'unknown responsible', input: () => ({ name: 'Nytt bygg', responsibleId: 4242 }), code: 'not_found', field: 'responsibleId' },
  ],
  'projects.update': [
    { name: 'unknown field', input: () => ({ id: 1, version: 1, name: 'Nytt bygg', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown project', input: () => ({ id: 4242, version: 1, name: 'Nytt bygg' }), code: 'not_found', field: 'id' },
    { name: 'stale version', input: () => ({ id: ids.project, version: ids.projectVersion + 3, name: 'Nytt navn' }), code: 'version_conflict', field: 'version' },
    { name: 'version zero', input: () => ({ id: ids.project, version: 0, name: 'Nytt navn' }), code: 'too_small', field: 'version' },
    { name: 'end before start', input: () => ({ id: ids.project, version: ids.projectVersion, name: 'Nytt navn', startDate: '2025-03-01', endDate: '2025-02-01' }), code: 'end_before_start', field: 'endDate' },
  ],
  'projects.lookup': [
    { name: 'unknown field', input: () => ({ query: 'a', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'limit too big', input: () => ({ query: 'a', limit: 51 }), code: 'too_big', field: 'limit' },
    { name: 'query not text', input: () => ({ query: 1001 }), code: 'invalid_type', field: 'query' },
  ],
  // ---- activity (issue 12) ----
  'comments.list': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown order', input: () => ({ orderId: 4242 }), code: 'not_found', field: 'orderId' },
    { name: 'order id as text', input: () => ({ orderId: '1' }), code: 'invalid_type', field: 'orderId' },
  ],
  'comments.add': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, text: 'Hei', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'empty text', input: () => ({ orderId: ids.order, text: '   ' }), code: 'required', field: 'text' },
    { name: 'text over 4000 characters', input: () => ({ orderId: ids.order, text: 'x'.repeat(4001) }), code: 'too_long', field: 'text' },
    { name: 'unknown order', input: () => ({ orderId: 4242, text: 'Hei' }), code: 'not_found', field: 'orderId' },
    { name: 'correcting an unknown comment', input: () => ({ orderId: ids.order, text: 'Rettelse', correctsId: 4242 }), code: 'not_found', field: 'correctsId' },
    { name: 'correcting a comment on another order', input: () => ({ orderId: ids.order, text: 'Rettelse', correctsId: activity.otherComment }), code: 'comment_other_order', field: 'correctsId' },
  ],
  'tasks.list': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'neither order nor project', input: () => ({}), code: 'task_order_or_project', field: 'orderId' },
    { name: 'both order and project', input: () => ({ orderId: ids.order, projectId: 1 }), code: 'task_order_or_project', field: 'orderId' },
    { name: 'unknown project', input: () => ({ projectId: 4242 }), code: 'not_found', field: 'projectId' },
  ],
  'tasks.mine': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'done flag not a yes/no', input: () => ({ includeDone: 'ja' }), code: 'invalid_type', field: 'includeDone' },
  ],
  'tasks.add': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, title: 'Ring kunden', assigneeUserId: null, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'empty title', input: () => ({ orderId: ids.order, title: ' ', assigneeUserId: null }), code: 'required', field: 'title' },
    { name: 'assignee left out (nobody is null)', input: () => ({ orderId: ids.order, title: 'Ring kunden' }), code: 'required', field: 'assigneeUserId' },
    { name: 'unknown assignee', input: () => ({ orderId: ids.order, title: 'Ring kunden', assigneeUserId: 4242 }), code: 'not_found', field: 'assigneeUserId' },
    { name: 'due 30 February', input: () => ({ orderId: ids.order, title: 'Ring kunden', assigneeUserId: null, dueDate: '2025-02-30' }), code: 'invalid_date', field: 'dueDate' },
    { name: 'both order and project', input: () => ({ orderId: ids.order, projectId: 1, title: 'Ring kunden', assigneeUserId: null }), code: 'task_order_or_project', field: 'orderId' },
    { name: 'unknown order', input: () => ({ orderId: 4242, title: 'Ring kunden', assigneeUserId: null }), code: 'not_found', field: 'orderId' },
  ],
  'tasks.update': [
    { name: 'unknown field', input: () => ({ id: activity.task, version: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown task', input: () => ({ id: 4242, version: 1, done: true }), code: 'not_found', field: 'id' },
    { name: 'version zero', input: () => ({ id: activity.task, version: 0, done: true }), code: 'too_small', field: 'version' },
    { name: 'stale version', input: () => ({ id: activity.task, version: 7, done: true }), code: 'version_conflict', field: 'version' },
    { name: 'empty title', input: () => ({ id: activity.task, version: 1, title: '' }), code: 'required', field: 'title' },
    { name: 'unknown assignee', input: () => ({ id: activity.task, version: 1, assigneeUserId: 4242 }), code: 'not_found', field: 'assigneeUserId' },
  ],
  'notes.list': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown order', input: () => ({ orderId: 4242 }), code: 'not_found', field: 'orderId' },
  ],
  'notes.add': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, date: '2025-02-01', text: 'Ring', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'not a date', input: () => ({ orderId: ids.order, date: '01.02.2025', text: 'Ring' }), code: 'invalid_date', field: 'date' },
    { name: 'text over 1000 characters', input: () => ({ orderId: ids.order, date: '2025-02-01', text: 'x'.repeat(1001) }), code: 'too_long', field: 'text' },
    { name: 'for a user on a workstation without users', input: () => ({ orderId: ids.order, date: '2025-02-01', text: 'Ring', forUserId: 1 }), code: 'note_needs_user', field: 'forUserId' },
    { name: 'unknown order', input: () => ({ orderId: 4242, date: '2025-02-01', text: 'Ring' }), code: 'not_found', field: 'orderId' },
  ],
  'notes.update': [
    { name: 'unknown field', input: () => ({ id: activity.note, version: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown reminder', input: () => ({ id: 4242, version: 1, done: true }), code: 'not_found', field: 'id' },
    { name: 'bad date', input: () => ({ id: activity.note, version: 1, date: '2025-13-01' }), code: 'invalid_date', field: 'date' },
    { name: 'stale version', input: () => ({ id: activity.note, version: 9, done: true }), code: 'version_conflict', field: 'version' },
  ],
  'follow.get': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown order', input: () => ({ orderId: 4242 }), code: 'not_found', field: 'orderId' },
  ],
  'follow.set': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, following: true, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'following not a yes/no', input: () => ({ orderId: ids.order, following: 'ja' }), code: 'invalid_type', field: 'following' },
    { name: 'nobody to follow as on a workstation without users', input: () => ({ orderId: ids.order, following: true }), code: 'follow_needs_user', field: 'following' },
  ],
  'notifications.list': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'limit zero', input: () => ({ limit: 0 }), code: 'too_small', field: 'limit' },
    { name: 'limit over 200', input: () => ({ limit: 201 }), code: 'too_big', field: 'limit' },
    { name: 'limit a fraction', input: () => ({ limit: 2.5 }), code: 'not_integer', field: 'limit' },
  ],
  'notifications.count': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'not an object', input: () => 'alle', code: 'invalid_type', field: null },
  ],
  'notifications.markRead': [
    { name: 'unknown field', input: () => ({ ids: [1], sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'no ids', input: () => ({ ids: [] }), code: 'too_small', field: 'ids' },
    { name: 'an id as text', input: () => ({ ids: [1, 'to'] }), code: 'invalid_type', field: 'ids.1' },
    { name: 'over 500 ids', input: () => ({ ids: Array.from({ length: 501 }, (_, i) => i + 1) }), code: 'too_big', field: 'ids' },
  ],
  'notifications.markAllRead': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'not an object', input: () => [1], code: 'invalid_type', field: null },
  ],

  // ---- files (issue 12) ----
  'files.list': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'order id as text', input: () => ({ orderId: String(ids.order) }), code: 'invalid_type', field: 'orderId' },
    { name: 'unknown order', input: () => ({ orderId: 4242 }), code: 'not_found', field: 'orderId' },
  ],
  'files.attach': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, name: 'a.txt', mime: 'text/plain', dataBase64: '', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'one byte over the limit', input: () => ({ orderId: ids.order, name: 'stor.bin', mime: '', dataBase64: 'AAAA'.repeat(Math.ceil((MAX_FILE_BYTES + 1) / 3)) }), code: 'file_too_large', field: 'dataBase64' },
    { name: 'beyond what a call may carry', input: () => ({ orderId: ids.order, name: 'enorm.bin', mime: '', dataBase64: 'AAAA'.repeat(MAX_FILE_BASE64 / 4 + 1) }), code: 'too_long', field: 'dataBase64' },
    { name: 'not base64', input: () => ({ orderId: ids.order, name: 'a.txt', mime: 'text/plain', dataBase64: 'ÆØÅ!' }), code: 'invalid_base64', field: 'dataBase64' },
    { name: 'a folder in the name', input: () => ({ orderId: ids.order, name: 'C:\\temp\\a.txt', mime: 'text/plain', dataBase64: '' }), code: 'invalid_file_name', field: 'name' },
    { name: 'empty name', input: () => ({ orderId: ids.order, name: ' ', mime: 'text/plain', dataBase64: '' }), code: 'required', field: 'name' },
    { name: 'mime not type/subtype', input: () => ({ orderId: ids.order, name: 'a.txt', mime: 'tekst', dataBase64: '' }), code: 'invalid_format', field: 'mime' },
    { name: 'unknown order', input: () => ({ orderId: 4242, name: 'a.txt', mime: 'text/plain', dataBase64: 'SGVp' }), code: 'not_found', field: 'orderId' },
  ],
  'files.get': [
    { name: 'unknown field', input: () => ({ id: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown file', input: () => ({ id: 4242 }), code: 'not_found', field: 'id' },
    { name: 'negative id', input: () => ({ id: -1 }), code: 'too_small', field: 'id' },
  ],
  'files.remove': [
    { name: 'unknown field', input: () => ({ id: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown file', input: () => ({ id: 4242 }), code: 'not_found', field: 'id' },
  ],
  'relations.list': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown order', input: () => ({ orderId: 4242 }), code: 'not_found', field: 'orderId' },
  ],
  'relations.find': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, query: '1', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'empty query', input: () => ({ orderId: ids.order, query: '  ' }), code: 'required', field: 'query' },
    { name: 'unknown order', input: () => ({ orderId: 4242, query: '1' }), code: 'not_found', field: 'orderId' },
  ],
  'relations.add': [
    { name: 'unknown field', input: () => ({ orderId: ids.order, to: { kind: 'order', id: ids.po }, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'to itself', input: () => ({ orderId: ids.order, to: { kind: 'order', id: ids.order } }), code: 'relation_self', field: 'to.id' },
    { name: 'to an unknown order', input: () => ({ orderId: ids.order, to: { kind: 'order', id: 4242 } }), code: 'not_found', field: 'to.id' },
    { name: 'to an unknown project', input: () => ({ orderId: ids.order, to: { kind: 'project', id: 4242 } }), code: 'not_found', field: 'to.id' },
    { name: 'to a customer', input: () => ({ orderId: ids.order, to: { kind: 'customer', id: ids.customer } }), code: 'invalid_choice', field: 'to.kind' },
    { name: 'note too long', input: () => ({ orderId: ids.order, to: { kind: 'order', id: ids.po }, note: 'x'.repeat(501) }), code: 'too_long', field: 'note' },
  ],
  'relations.remove': [
    { name: 'unknown field', input: () => ({ id: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown link', input: () => ({ id: 4242 }), code: 'not_found', field: 'id' },
  ],
  // ---- custom fields (issue 12) ----
  'customFields.list': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown record kind', input: () => ({ entity: 'invoice' }), code: 'invalid_choice', field: 'entity' },
  ],
  'customFields.save': [
    { name: 'unknown field', input: () => ({ entity: 'order', type: 'text', labelNb: 'Merknad', sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown type', input: () => ({ entity: 'order', type: 'colour', labelNb: 'Farge' }), code: 'invalid_choice', field: 'type' },
    { name: 'empty label', input: () => ({ entity: 'order', type: 'text', labelNb: '  ' }), code: 'required', field: 'labelNb' },
    { name: 'choice list without choices', input: () => ({ entity: 'order', type: 'choice', labelNb: 'Leveringsmåte' }), code: 'custom_field_choices_required', field: 'choices' },
    { name: 'same choice twice', input: () => ({ entity: 'order', type: 'choice', labelNb: 'Leveringsmåte', choices: [{ labelNb: 'Henting' }, { labelNb: 'henting' }] }), code: 'custom_field_duplicate_choice', field: 'choices.1' },
    { name: 'lowest above highest', input: () => ({ entity: 'order', type: 'number', labelNb: 'Etasje', minValue: 10, maxValue: 1 }), code: 'custom_field_range_invalid', field: 'minValue' },
    { name: 'key with capitals', input: () => ({ entity: 'order', type: 'text', labelNb: 'Merknad', key: 'Merknad' }), code: 'invalid_format', field: 'key' },
    { name: 'key already taken', input: () => ({ entity: 'order', type: 'text', labelNb: 'Etasjer', key: 'antall_etasjer' }), code: 'custom_field_duplicate_key', field: 'key' },
    { name: 'unknown field id', input: () => ({ id: 4242, version: 1, entity: 'order', type: 'text', labelNb: 'Merknad' }), code: 'not_found', field: 'id' },
    { name: 'another record kind', input: () => ({ id: customField, version: 1, entity: 'product', type: 'number', labelNb: 'Antall etasjer' }), code: 'custom_field_fixed', field: 'entity' },
    { name: 'amount bound in fractions', input: () => ({ entity: 'order', type: 'amount', labelNb: 'Tilskudd', maxValue: 10.5 }), code: 'not_integer', field: 'maxValue' },
  ],
  'customFields.reorder': [
    { name: 'unknown field', input: () => ({ entity: 'order', ids: [customField], sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'no ids', input: () => ({ entity: 'order', ids: [] }), code: 'too_small', field: 'ids' },
    { name: 'a field left out or unknown', input: () => ({ entity: 'order', ids: [4242] }), code: 'custom_field_reorder_incomplete', field: 'ids' },
    { name: 'a field twice', input: () => ({ entity: 'order', ids: [customField, customField] }), code: 'custom_field_reorder_incomplete', field: 'ids' },
  ],
  'customFields.deactivate': [
    { name: 'unknown field', input: () => ({ id: customField, version: 1, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown field id', input: () => ({ id: 4242, version: 1 }), code: 'not_found', field: 'id' },
    { name: 'stale version', input: () => ({ id: customField, version: 99 }), code: 'version_conflict', field: 'version' },
  ],
  // ---- status flow editor (issue 13) ----
  'statusFlow.get': [{ name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' }],
  'statusFlow.update': [
    { name: 'unknown field', input: () => ({ ...flowEdit(ids.confirmed), sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown status', input: () => flowEdit(4242), code: 'not_found', field: 'id' },
    { name: 'empty Norwegian label', input: () => ({ ...flowEdit(ids.confirmed), labelNb: '   ' }), code: 'status_label_empty', field: 'labelNb' },
    { name: 'empty English label', input: () => ({ ...flowEdit(ids.confirmed), labelEn: '' }), code: 'status_label_empty', field: 'labelEn' },
    { name: "another status's label in other letters (PAKK)", input: () => ({ ...flowEdit(ids.confirmed), labelNb: 'PAKK' }), code: 'status_label_duplicate', field: 'labelNb' },
    { name: 'colour not #rrggbb', input: () => ({ ...flowEdit(ids.confirmed), colour: 'rød' }), code: 'invalid_colour', field: 'colour' },
    { name: 'hiding a status orders stand in', input: () => ({ ...flowEdit(ids.confirmed), hidden: true }), code: 'status_hide_with_orders', field: 'hidden' },
    { name: 'hiding the last visible status of a kind of the flow', input: () => ({ ...flowEdit(ids.production), labelNb: 'Produksjon', labelEn: 'Production', hidden: true }), code: 'status_last_of_kind', field: 'id' },
  ],
  'statusFlow.add': [
    { name: 'unknown kind', input: () => ({ kind: 'lost', labelNb: 'Borte', labelEn: 'Lost' }), code: 'invalid_choice', field: 'kind' },
    { name: 'label of an existing status', input: () => ({ kind: 'pack', labelNb: 'bekreftet', labelEn: 'Picking' }), code: 'status_label_duplicate', field: 'labelNb' },
    { name: 'no English label', input: () => ({ kind: 'pack', labelNb: 'Plukkes', labelEn: ' ' }), code: 'status_label_empty', field: 'labelEn' },
    { name: 'label too long', input: () => ({ kind: 'pack', labelNb: 'x'.repeat(41), labelEn: 'Picking' }), code: 'too_long', field: 'labelNb' },
  ],
  'statusFlow.reorder': [
    { name: 'no ids', input: () => ({ ids: [] }), code: 'too_small', field: 'ids' },
    { name: 'a status left out', input: () => ({ ids: [ids.confirmed] }), code: 'status_reorder_incomplete', field: 'ids' },
  ],
  'statusFlow.preview': [
    { name: 'neither preset nor status', input: () => ({}), code: 'flow_change_one', field: null },
    { name: 'both preset and status', input: () => ({ preset: 'simple', removeId: ids.production }), code: 'flow_change_one', field: null },
    { name: 'unknown preset', input: () => ({ preset: 'fancy' }), code: 'invalid_choice', field: 'preset' },
    { name: 'the preset in force (not a reset)', input: () => ({ preset: 'standard' }), code: 'flow_preset_same', field: 'preset' },
    { name: 'removing the only status of a kind', input: () => ({ removeId: ids.confirmed }), code: 'status_last_of_kind', field: 'removeId' },
    { name: 'removing an unknown status', input: () => ({ removeId: 4242 }), code: 'not_found', field: 'removeId' },
  ],
  'statusFlow.apply': [
    { name: 'confirmed orders to Utsendt (stock would change)', input: () => ({ preset: 'simple', targets: [{ statusId: ids.confirmed, targetId: ids.shipped }] }), code: 'flow_move_refused', field: 'targets' },
    { name: 'confirmed orders to a status outside the new flow', input: () => ({ preset: 'simple', targets: [{ statusId: ids.confirmed, targetId: 4242 }] }), code: 'flow_target_unknown', field: 'targets' },
    { name: 'removing the only status of a kind', input: () => ({ removeId: ids.confirmed }), code: 'status_last_of_kind', field: 'removeId' },
  ],
  // ---- import (issue 13) ----
  'import.preview': [
    { name: 'unknown field', input: () => ({ ...importFile(), sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown kind', input: () => ({ ...importFile(), kind: 'orders' }), code: 'invalid_choice', field: 'kind' },
    { name: 'not base64', input: () => ({ ...importFile(), dataBase64: 'ÆØÅ!' }), code: 'invalid_base64', field: 'dataBase64' },
    { name: 'a folder in the name', input: () => ({ ...importFile(), fileName: 'C:\\temp\\kunder.csv' }), code: 'invalid_file_name', field: 'fileName' },
    { name: 'one byte over the limit', input: () => ({ ...importFile(), dataBase64: 'AAAA'.repeat(Math.ceil((MAX_FILE_BYTES + 1) / 3)) }), code: 'file_too_large', field: 'dataBase64' },
    { name: 'an old .xls file', input: () => ({ ...importFile(), fileName: 'kunder.xls', dataBase64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).toString('base64') }), code: 'import_xls_not_supported', field: 'dataBase64' },
    { name: 'a damaged .xlsx file', input: () => ({ ...importFile(), fileName: 'kunder.xlsx', dataBase64: Buffer.from('PK\u0003\u0004tull').toString('base64') }), code: 'import_file_unreadable', field: 'dataBase64' },
    { name: 'an empty file', input: () => ({ ...importFile(), dataBase64: '' }), code: 'import_file_empty', field: 'dataBase64' },
    { name: 'a mapping to a column the file lacks', input: () => ({ ...importFile(), mapping: { name: 'Fornavn' } }), code: 'import_unknown_column', field: 'mapping.name' },
    { name: 'a mapping to an unknown field', input: () => ({ ...importFile(), mapping: { price: 'Navn' } }), code: 'import_unknown_field', field: 'mapping.price' },
    { name: 'preview rows out of range', input: () => ({ ...importFile(), previewRows: 1000 }), code: 'too_big', field: 'previewRows' },
  ],
  'import.commit': [
    { name: 'unknown field', input: () => ({ ...importFile(), mapping: { name: 'Navn' }, previewRows: 5 }), code: 'unknown_field', field: 'previewRows' },
    { name: 'no mapping', input: () => importFile(), code: 'required', field: 'mapping' },
    { name: 'a column mapped twice', input: () => ({ ...importFile(), mapping: { name: 'Navn', city: 'Navn' } }), code: 'import_column_twice', field: 'mapping.city' },
    { name: 'a file that is not text', input: () => ({ ...importFile(), mapping: { name: 'Navn' }, dataBase64: Buffer.from([1, 2, 3, 0, 0, 7]).toString('base64') }), code: 'import_file_unreadable', field: 'dataBase64' },
  ],
  // ---- jobs (issue 12) ----
  'jobs.list': [
    { name: 'order id not a number', input: () => ({ orderId: 'x' }), code: 'invalid_type', field: 'orderId' },
    { name: 'unknown field', input: () => ({ orderId: ids.order, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
  ],
  'jobs.add': [
    { name: 'missing title', input: () => ({ orderId: ids.order }), code: 'required', field: 'title' },
    { name: 'free-text employee (jobs are assigned to employees)', input: () => ({ orderId: ids.order, title: 'Montering', employee: 'Per' }), code: 'unknown_field', field: 'employee' },
    { name: 'impossible planned date', input: () => ({ orderId: ids.order, title: 'Montering', plannedDate: '2025-02-30' }), code: 'invalid_date', field: 'plannedDate' },
    { name: 'duration of no minutes', input: () => ({ orderId: ids.order, title: 'Montering', durationMinutes: 0 }), code: 'too_small', field: 'durationMinutes' },
    { name: 'duration over a week', input: () => ({ orderId: ids.order, title: 'Montering', durationMinutes: 10_081 }), code: 'too_big', field: 'durationMinutes' },
    { name: 'duration in hours with a fraction', input: () => ({ orderId: ids.order, title: 'Montering', durationMinutes: 1.5 }), code: 'not_integer', field: 'durationMinutes' },
    { name: 'unknown employee', input: () => ({ orderId: ids.order, title: 'Montering', employeeId: 4242 }), code: 'not_found', field: 'employeeId' },
    { name: 'unknown order', input: () => ({ orderId: 9191, title: 'Montering' }), code: 'not_found', field: 'orderId' },
    { name: 'a purchase order', input: () => ({ orderId: ids.po, title: 'Montering' }), code: 'not_found', field: 'orderId' },
  ],
  'jobs.addRepeating': [
    { name: 'no start date', input: () => ({ orderId: ids.order, title: 'Service', repeat: { kind: 'days', everyDays: 14 } }), code: 'required', field: 'startDate' },
    { name: 'unknown kind of repeat', input: () => ({ orderId: ids.order, title: 'Service', startDate: '2025-01-06', repeat: { kind: 'yearly' } }), code: 'invalid_choice', field: 'repeat.kind' },
    { name: 'every 0 days', input: () => ({ orderId: ids.order, title: 'Service', startDate: '2025-01-06', repeat: { kind: 'days', everyDays: 0 } }), code: 'too_small', field: 'repeat.everyDays' },
    { name: 'weekly on no day', input: () => ({ orderId: ids.order, title: 'Service', startDate: '2025-01-06', repeat: { kind: 'weekly', weekdays: [] } }), code: 'too_small', field: 'repeat.weekdays' },
    { name: 'weekday 8', input: () => ({ orderId: ids.order, title: 'Service', startDate: '2025-01-06', repeat: { kind: 'weekly', weekdays: [1, 8] } }), code: 'too_big', field: 'repeat.weekdays.1' },
    { name: 'monthly on the 32nd', input: () => ({ orderId: ids.order, title: 'Service', startDate: '2025-01-06', repeat: { kind: 'monthly', monthDay: 32 } }), code: 'too_big', field: 'repeat.monthDay' },
    { name: 'a field of another kind of repeat', input: () => ({ orderId: ids.order, title: 'Service', startDate: '2025-01-06', repeat: { kind: 'monthly', monthDay: 5, everyDays: 3 } }), code: 'unknown_field', field: 'repeat.everyDays' },
    { name: 'unknown order', input: () => ({ orderId: 9191, title: 'Service', startDate: '2025-01-06', repeat: { kind: 'days', everyDays: 14 } }), code: 'not_found', field: 'orderId' },
    { name: 'unknown employee', input: () => ({ orderId: ids.order, title: 'Service', employeeId: 4242, startDate: '2025-01-06', repeat: { kind: 'days', everyDays: 14 } }), code: 'not_found', field: 'employeeId' },
  ],
  'jobs.update': [
    { name: 'unknown job', input: () => ({ jobId: 5150, title: 'Montering', employeeId: null, plannedDate: null, durationMinutes: null }), code: 'not_found', field: 'jobId' },
    { name: 'empty title', input: () => ({ jobId: 1, title: ' ', employeeId: null, plannedDate: null, durationMinutes: null }), code: 'required', field: 'title' },
    { name: 'impossible date', input: () => ({ jobId: 1, title: 'Montering', employeeId: null, plannedDate: '2025-13-01', durationMinutes: null }), code: 'invalid_date', field: 'plannedDate' },
    { name: 'duration as text', input: () => ({ jobId: 1, title: 'Montering', employeeId: null, plannedDate: null, durationMinutes: '90' }), code: 'invalid_type', field: 'durationMinutes' },
  ],
  'jobs.generate': [
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown order', input: () => ({ orderId: 9191 }), code: 'not_found', field: 'orderId' },
  ],
  'jobs.endSchedule': [
    { name: 'unknown repeating job', input: () => ({ scheduleId: 5150, endDate: '2025-03-01' }), code: 'not_found', field: 'scheduleId' },
    { name: 'no end date', input: () => ({ scheduleId: 1 }), code: 'required', field: 'endDate' },
    { name: 'impossible end date', input: () => ({ scheduleId: 1, endDate: '2025-02-29' }), code: 'invalid_date', field: 'endDate' },
  ],
  'jobs.start': [{ name: 'unknown job', input: () => ({ jobId: 5150 }), code: 'not_found', field: 'jobId' }],
  'jobs.complete': [{ name: 'unknown job', input: () => ({ jobId: 5150 }), code: 'not_found', field: 'jobId' }],
  // ---- export (issue 13) ----
  'export.list': [
    { name: 'unknown list', input: () => ({ list: 'invoices', format: 'csv' }), code: 'invalid_choice', field: 'list' },
    { name: 'unknown format', input: () => ({ list: 'customers', format: 'pdf' }), code: 'invalid_choice', field: 'format' },
    { name: 'a field of another list', input: () => ({ list: 'customers', format: 'csv', statusId: 1 }), code: 'unknown_field', field: 'statusId' },
    { name: 'SQL in an order sort column', input: () => ({ list: 'orders', format: 'xlsx', sortModel: [{ colId: sqlInjection, sort: 'asc' }] }), code: 'invalid_sort_column', field: 'sortModel.0.colId' },
    { name: 'made-up order filter column', input: () => ({ list: 'orders', format: 'csv', filterModel: { cf_finnes_ikke: { filterType: 'text', type: 'contains', filter: 'a' } } }), code: 'invalid_filter', field: 'filterModel.cf_finnes_ikke' },
    { name: 'a block as orders.list takes it', input: () => ({ list: 'orders', format: 'csv', startRow: 0, endRow: 100 }), code: 'unknown_field', field: 'startRow' },
    { name: 'unsortable product column', input: () => ({ list: 'products', format: 'csv', sort: { colId: 'name', dir: 'asc' } }), code: 'invalid_choice', field: 'sort.colId' },
  ],
  // ---- number series (issue 13) ----
  'numberSeries.list': [{ name: 'unknown field', input: () => ({ series: 'invoice' }), code: 'unknown_field', field: 'series' }],
  'numberSeries.save': [
    { name: 'unknown field', input: () => ({ series: 'customer', nextNumber: 20001, sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
    { name: 'unknown series', input: () => ({ series: 'sscc', nextNumber: 5 }), code: 'invalid_choice', field: 'series' },
    { name: 'number 0', input: () => ({ series: 'customer', nextNumber: 0 }), code: 'too_small', field: 'nextNumber' },
    { name: 'number with a fraction', input: () => ({ series: 'customer', nextNumber: 10.5 }), code: 'not_integer', field: 'nextNumber' },
    { name: 'number as text', input: () => ({ series: 'customer', nextNumber: '20001' }), code: 'invalid_type', field: 'nextNumber' },
    { name: 'ten digits', input: () => ({ series: 'customer', nextNumber: 1_000_000_000 }), code: 'too_big', field: 'nextNumber' },
    { name: 'an order number in use', input: () => ({ series: 'sales_order', nextNumber: 10001 }), code: 'series_number_in_use', field: 'nextNumber' },
    { name: 'a customer number in use', input: () => ({ series: 'customer', nextNumber: 10002 }), code: 'series_number_in_use', field: 'nextNumber' },
  ],

  // ---- backup (issue 13) ----
  'backup.status': [{ name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' }],
  'backup.saveSettings': [
    { name: 'keep none', input: () => ({ folder: null, keepAutomatic: 0 }), code: 'too_small', field: 'keepAutomatic' },
    { name: 'a folder that does not exist', input: () => ({ folder: join(t.dir, 'finnes ikke'), keepAutomatic: 7 }), code: 'backup_folder_missing', field: 'folder' },
    { name: 'a relative folder', input: () => ({ folder: 'Sikkerhetskopier', keepAutomatic: 7 }), code: 'backup_folder_missing', field: 'folder' },
    { name: 'no folder field', input: () => ({ keepAutomatic: 7 }), code: 'required', field: 'folder' },
  ],
  'backup.create': [
    { name: 'a folder that does not exist', input: () => ({ folder: join(t.dir, 'finnes ikke') }), code: 'backup_folder_missing', field: 'folder' },
    { name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' },
  ],
  'backup.inspect': [
    { name: 'no such file', input: () => ({ file: join(t.dir, 'finnes-ikke.ordrebok') }), code: 'backup_file_missing', field: 'file' },
    { name: 'the company file itself', input: () => ({ file: t.file }), code: 'backup_is_current_file', field: 'file' },
    { name: 'not a company file', input: () => (writeFileSync(join(t.dir, 'tekst.ordrebok'), 'ikke en database\n'.repeat(20)), { file: join(t.dir, 'tekst.ordrebok') }), code: 'backup_not_company_file', field: 'file' },
    { name: 'empty file name', input: () => ({ file: ' ' }), code: 'required', field: 'file' },
  ],
  'backup.restore': [
    { name: 'no such file', input: () => ({ file: join(t.dir, 'finnes-ikke.ordrebok') }), code: 'backup_file_missing', field: 'file' },
    { name: 'the company file itself', input: () => ({ file: t.file }), code: 'backup_is_current_file', field: 'file' },
    { name: 'not a company file', input: () => (writeFileSync(join(t.dir, 'tekst.ordrebok'), 'ikke en database\n'.repeat(20)), { file: join(t.dir, 'tekst.ordrebok') }), code: 'backup_not_company_file', field: 'file' },
    { name: 'no file field', input: () => ({}), code: 'required', field: 'file' },
  ],
  'backup.check': [{ name: 'unknown field', input: () => ({ sneaky: 1 }), code: 'unknown_field', field: 'sneaky' }],
};

describe('bad input is refused with a typed error and changes nothing', () => {
  it('has cases for every channel in the catalog', () => {
    const missing = CHANNEL_NAMES.filter((name) => !(CASES[name]?.length > 0));
    expect(missing).toEqual([]);
  });

  for (const name of CHANNEL_NAMES) {
    for (const c of CASES[name] ?? []) {
      it(`${name}: ${c.name} → ${c.code} on ${c.field ?? '(whole request)'}`, async () => {
        const before = t.engine.fingerprint();
        const error = await t.refused(name, c.input());
        expect({ code: error.code, field: error.field }).toEqual({ code: c.code, field: c.field });
        expect(error.message.nb.length).toBeGreaterThan(5);
        expect(error.message.en.length).toBeGreaterThan(5);
        expect(error.message.nb).not.toEqual(error.message.en);
        expect(t.engine.fingerprint()).toEqual(before);
      });
    }
  }

  it('an unknown channel is refused by name', async () => {
    const before = t.engine.fingerprint();
    const r = await t.engine.callUnknown('orders.dropEverything', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unknown_channel');
    expect(t.engine.fingerprint()).toEqual(before);
  });
});
