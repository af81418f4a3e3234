// Purchasing (Alt+5): the purchase order list, and over it the order being
// edited or the purchase suggestions. The list stays mounted (hidden) so its
// tab, search and position are where the clerk left them.
import { useEffect, useState } from 'react';
import { PurchaseEditor } from './PurchaseEditor';
import { PurchaseList } from './PurchaseList';
import { SuggestionsView } from './SuggestionsView';

type Over = { kind: 'order'; id: number | null; seq: number; notice?: string } | { kind: 'suggestions'; seq: number };

/** `openRequest`: a purchase order another screen asked to open (a new seq each time). */
export function PurchasingScreen(props: { active: boolean; openRequest?: { id: number; seq: number } | null }) {
  const [over, setOver] = useState<Over | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [seq, setSeq] = useState(0);
  const openOrder = (id: number | null, notice?: string) => {
    setSeq((s) => s + 1);
    setOver({ kind: 'order', id, seq: seq + 1, ...(notice ? { notice } : {}) });
    setRefresh((r) => r + 1);
  };
  const request = props.openRequest;
  useEffect(() => {
    if (request) openOrder(request.id);
    // Once per request.
  }, [request?.seq]);
  const close = () => {
    setOver(null);
    setRefresh((r) => r + 1);
  };
  return (
    <>
      <div className="screen-slot" hidden={over !== null}>
        <PurchaseList
          active={props.active && over === null}
          onOpen={(id) => openOrder(id)}
          onNew={() => openOrder(null)}
          onSuggestions={() => {
            setSeq((s) => s + 1);
            setOver({ kind: 'suggestions', seq: seq + 1 });
          }}
          refreshSignal={refresh}
        />
      </div>
      {over?.kind === 'order' ? (
        <PurchaseEditor
          key={over.seq}
          active={props.active}
          orderId={over.id}
          {...(over.notice ? { initialNotice: over.notice } : {})}
          onOpenOrder={openOrder}
          onClose={close}
        />
      ) : null}
      {over?.kind === 'suggestions' ? (
        <SuggestionsView
          key={over.seq}
          active={props.active}
          onClose={close}
          onOpen={(id) => openOrder(id)}
          onCreated={() => setRefresh((r) => r + 1)}
        />
      ) : null}
    </>
  );
}
