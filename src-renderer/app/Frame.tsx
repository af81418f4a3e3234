// The app frame: navigation (Alt+1..9), company name, language switch, and the
// screens. A screen, once visited, stays mounted (hidden when another is shown),
// so an order half typed is still there when the clerk comes back to it.
import { useMemo, useState } from 'react';
import { ORDER_LIST_MAX_BLOCK } from '../../shared/channels/orders';
import { useTranslation } from 'react-i18next';
import type { Bootstrap } from '../../shared/channels/system';
import { invoke } from '../api/client';
import { queryClient, useAuthStatus, useCompany } from '../api/queries';
import { Bell, BELL_KEY, MY_TASKS_KEY } from '../screens/collaboration/Bell';
import { MyTasks } from '../screens/collaboration/MyTasks';
import { AccountingScreen } from '../screens/accounting/AccountingScreen';
import { CustomersScreen } from '../screens/customers/CustomersScreen';
import { InvoicesScreen } from '../screens/invoices/InvoicesScreen';
import { OrdersScreen } from '../screens/orders/OrdersScreen';
import { ProductsScreen } from '../screens/products/ProductsScreen';
import { PurchasingScreen } from '../screens/purchasing/PurchasingScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { SuppliersScreen } from '../screens/suppliers/SuppliersScreen';
import { leaveThen, useHotkeys } from './hotkeys';
import { BackupWarning } from './BackupWarning';
import { LanguageSwitch } from './LanguageSwitch';
import { useOpenRecordRequests } from './openRecord';
import { OrderOpenerContext, type OrderOpener, type OrderPrefill } from './orderOpener';
import { ProjectsScreen } from '../screens/projects/ProjectsScreen';
import type { OrderRequest } from '../screens/orders/OrdersScreen';

// Alt+N is the screen's place in this list: new screens go at the end, so the keys clerks know stay as they are.
const SCREENS = ['orders', 'customers', 'products', 'settings', 'purchasing', 'suppliers', 'invoices', 'accounting', 'projects'] as const;
type ScreenId = (typeof SCREENS)[number];

export function Frame(props: { bootstrap: Bootstrap }) {
  const { t } = useTranslation();
  const company = useCompany();
  const auth = useAuthStatus();
  const [screen, setScreen] = useState<ScreenId>('orders');
  const [visited, setVisited] = useState<ReadonlySet<ScreenId>>(() => new Set<ScreenId>(['orders']));

  const show = (id: ScreenId) => {
    setScreen(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
  };
  // Another screen: the one being left asks first if it has unsaved work (an order, a form).
  const go = (id: ScreenId) => (id === screen ? undefined : leaveThen(() => show(id)));
  // An order opened from another screen (an invoice's orders): the order screen opens it.
  const [orderRequest, setOrderRequest] = useState<OrderRequest | null>(null);
  const requestOrder = (id: number | null, prefill?: OrderPrefill) =>
    leaveThen(() => {
      setOrderRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1, ...(prefill ? { prefill } : {}) }));
      show('orders');
    });
  const opener = useMemo<OrderOpener>(() => ({ open: (id) => requestOrder(id), newOrder: (prefill) => requestOrder(null, prefill) }), []);
  const openOrderById = (id: number) => requestOrder(id);
  const openOrderByNumber = (number: number) => {
    void invoke('orders.list', { startRow: 0, endRow: ORDER_LIST_MAX_BLOCK, search: String(number) }).then((page) => {
      const row = page.rows.find((r) => r.number === number);
      if (row) requestOrder(row.id);
    });
  };
  // The bell's list and "Mine oppgaver" (issue 12).
  const [bellOpen, setBellOpen] = useState(false);
  const [myTasksOpen, setMyTasksOpen] = useState(false);

  // A record asked for from another screen (an order's relations): its own screen opens it.
  const [purchaseRequest, setPurchaseRequest] = useState<{ id: number; seq: number } | null>(null);
  const [projectRequest, setProjectRequest] = useState<{ id: number; seq: number } | null>(null);
  useOpenRecordRequests((target) => {
    leaveThen(() => {
      const next = (r: { seq: number } | null) => ({ id: target.id, seq: (r?.seq ?? 0) + 1 });
      if (target.kind === 'purchase') setPurchaseRequest(next);
      else if (target.kind === 'project') setProjectRequest(next);
      else setOrderRequest(next);
      show(target.kind === 'purchase' ? 'purchasing' : target.kind === 'project' ? 'projects' : 'orders');
    });
  });

  useHotkeys(
    true,
    {
      ...Object.fromEntries(SCREENS.map((id, i) => [`alt+${i + 1}`, () => go(id)])),
      [BELL_KEY.toLowerCase()]: () => setBellOpen((o) => !o),
      [MY_TASKS_KEY.toLowerCase()]: () => setMyTasksOpen(true),
    },
    // From inside any input or grid too.
    { everywhere: true },
  );

  const render = (id: ScreenId) => {
    const active = screen === id;
    switch (id) {
      case 'orders':
        return <OrdersScreen active={active} openRequest={orderRequest} />;
      case 'customers':
        return <CustomersScreen active={active} />;
      case 'products':
        return <ProductsScreen active={active} />;
      case 'settings':
        return <SettingsScreen active={active} bootstrap={props.bootstrap} />;
      case 'purchasing':
        return <PurchasingScreen active={active} openRequest={purchaseRequest} />;
      case 'suppliers':
        return <SuppliersScreen active={active} />;
      case 'invoices':
        return <InvoicesScreen active={active} onOpenOrder={openOrderByNumber} />;
      case 'accounting':
        return <AccountingScreen active={active} />;
      case 'projects':
        return <ProjectsScreen active={active} openRequest={projectRequest} />;
      default: {
        const never: never = id;
        throw new Error(`unknown screen ${String(never)}`);
      }
    }
  };

  // Any screen can open an order or start a prefilled one (a project's "Ny ordre").
  const frame = (
    <div className="frame">
      {/* With a user logged in, the name and "Logg ut" need room: the bar goes compact sooner. */}
      <header className={`topbar ${auth.data?.user ? 'with-user' : ''}`}>
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.label')} className="nav">
          {SCREENS.map((id, i) => (
            <button
              key={id}
              type="button"
              className={`nav-item ${screen === id ? 'current' : ''}`}
              aria-current={screen === id ? 'page' : undefined}
              data-testid={`nav-${id}`}
              title={`Alt+${i + 1}`}
              onClick={() => go(id)}
            >
              <span>{t(`nav.${id}`)}</span>
              {/* One key cap for Alt+N; below 1600 px only the digit, so that nine screens fit the bar. */}
              <kbd className="nav-key">
                <span className="nav-key-alt">Alt+</span>
                {i + 1}
              </kbd>
            </button>
          ))}
        </nav>
        <div className="topbar-spacer" />
        <span className="company-name" data-testid="topbar-company">
          {company.data?.name ?? ''}
        </span>
        <BackupWarning onOpen={() => go('settings')} />
        <Bell open={bellOpen} onOpenChange={setBellOpen} onOpenOrder={openOrderById} onMyTasks={() => setMyTasksOpen(true)} />
        {auth.data?.user ? (
          <>
            <span className="user-name" data-testid="topbar-user">
              {auth.data.user.name}
            </span>
            <button
              type="button"
              className="link"
              data-testid="logout"
              onClick={() => void invoke('auth.logout', {}).then(() => queryClient.invalidateQueries())}
            >
              {t('login.logout')}
            </button>
          </>
        ) : null}
        <LanguageSwitch />
      </header>
      <main className="main">
        {SCREENS.filter((id) => visited.has(id)).map((id) => (
          <section key={id} className="screen-slot" hidden={screen !== id} data-testid={`screen-${id}`}>
            {render(id)}
          </section>
        ))}
      </main>
      {myTasksOpen ? (
        <MyTasks
          onClose={() => setMyTasksOpen(false)}
          onOpenOrder={(id) => {
            setMyTasksOpen(false);
            openOrderById(id);
          }}
        />
      ) : null}
    </div>
  );
  return <OrderOpenerContext.Provider value={opener}>{frame}</OrderOpenerContext.Provider>;
}
