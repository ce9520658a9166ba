// expect: error-handling.empty-catch@14 error-handling.print-only-catch@24 observability.print@25 error-handling.empty-promise-catch@30 observability.print@36 error-handling.process-exit@39
import React, { useState } from 'react';
import pino from 'pino';

const logger = pino();
type Props = { orderId: string; onClose: () => void };

export function OrderPanel({ orderId, onClose }: Props): JSX.Element {
  const [order, setOrder] = useState<string | null>(null);
  const header = <h2 className="title">Order {orderId}</h2>;
  const save = () => {
    try {
      submit(order);
    } catch (e) {
    }
  };
  return (
    <div className="order-panel" onMouseLeave={onClose}>
      {header}
      <button onClick={save}>Save</button>
      <button onClick={() => {
        try {
          submit(order);
        } catch (e: unknown) {
          console.error(e);
        }
      }}>Retry</button>
      <button onClick={() => {
        try { submit(order); } catch (e) { logger.error(e); throw e; }
        fetchOrder(orderId).catch(() => {});
        fetchOrder(orderId).catch((e: Error) => logger.error(e));
      }}>Reload</button>
    </div>
  );
}
console.log('order panel loaded');

export function shutdown(): void {
  process.exit(1);
}
