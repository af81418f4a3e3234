// Opening a record that lives on another screen (a purchase order from a sales
// order's relations, and back): the screen asks, the frame switches and opens it.
import { useEffect, useRef } from 'react';

export interface RecordTarget {
  readonly kind: 'sales' | 'quote' | 'purchase' | 'project';
  readonly id: number;
}

const EVENT = 'ordrebok:open-record';

export function requestOpenRecord(target: RecordTarget): void {
  window.dispatchEvent(new CustomEvent<RecordTarget>(EVENT, { detail: { kind: target.kind, id: target.id } }));
}

/** Opens `target` on this screen if it is one of its own (`here`), else asks the frame. */
export function openRecord(target: RecordTarget, here: 'sales' | 'purchase', openHere: (id: number) => void): void {
  const kind = target.kind === 'quote' ? 'sales' : target.kind;
  if (kind === here) openHere(target.id);
  else requestOpenRecord(target);
}

/** The frame's side: called for every request. */
export function useOpenRecordRequests(handle: (target: RecordTarget) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const listener = (e: Event) => latest.current((e as CustomEvent<RecordTarget>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, []);
}
