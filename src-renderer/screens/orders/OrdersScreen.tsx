// Orders: the list, and over it the order being edited. The list stays mounted
// (hidden) while an order is open, so its tab, search, sort and scroll position
// are where the clerk left them.
import { useEffect, useState } from 'react';
import type { OrderPrefill } from '../../app/orderOpener';
import { OrderEditor } from './OrderEditor';
import { OrderList } from './OrderList';

/** An order another screen asked to open, or (id null) a new one to start prefilled; a new seq each time. */
export interface OrderRequest {
  readonly id: number | null;
  readonly seq: number;
  readonly prefill?: OrderPrefill;
}

export function OrdersScreen(props: { active: boolean; openRequest?: OrderRequest | null }) {
  // `seq` gives every opening its own editor instance (a fresh draft).
  const [open, setOpen] = useState<{ id: number | null; seq: number; notice?: string; prefill?: OrderPrefill } | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [seq, setSeq] = useState(0);
  const openOrder = (id: number | null, notice?: string, prefill?: OrderPrefill) => {
    setSeq((s) => s + 1);
    setOpen({ id, seq: seq + 1, ...(notice ? { notice } : {}), ...(prefill ? { prefill } : {}) });
  };
  const request = props.openRequest;
  useEffect(() => {
    if (request) openOrder(request.id, undefined, request.prefill);
    // Once per request.
  }, [request?.seq]);
  return (
    <>
      <div className="screen-slot" hidden={open !== null}>
        <OrderList active={props.active && open === null} onOpen={openOrder} onNew={() => openOrder(null)} refreshSignal={refresh} />
      </div>
      {open ? (
        <OrderEditor
          key={open.seq}
          active={props.active}
          orderId={open.id}
          {...(open.notice ? { initialNotice: open.notice } : {})}
          {...(open.prefill ? { prefill: open.prefill } : {})}
          onOpenOrder={(id, notice) => {
            openOrder(id, notice);
            setRefresh((r) => r + 1);
          }}
          onClose={() => {
            setOpen(null);
            setRefresh((r) => r + 1);
          }}
        />
      ) : null}
    </>
  );
}
