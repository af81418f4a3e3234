// Orders: the list, and over it the order being edited. The list stays mounted
// (hidden) while an order is open, so its tab, search, sort and scroll position
// are where the clerk left them.
import { useEffect, useState } from 'react';
import { OrderEditor } from './OrderEditor';
import { OrderList } from './OrderList';

/** `openRequest`: an order another screen asked to open (a new seq each time). */
export function OrdersScreen(props: { active: boolean; openRequest?: { id: number; seq: number } | null }) {
  // `seq` gives every opening its own editor instance (a fresh draft).
  const [open, setOpen] = useState<{ id: number | null; seq: number; notice?: string } | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [seq, setSeq] = useState(0);
  const openOrder = (id: number | null, notice?: string) => {
    setSeq((s) => s + 1);
    setOpen({ id, seq: seq + 1, ...(notice ? { notice } : {}) });
  };
  const request = props.openRequest;
  useEffect(() => {
    if (request) openOrder(request.id);
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
