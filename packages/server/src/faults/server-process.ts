// The real server in a child process, for the fault tests: started with startServer on the
// database the environment names (DATABASE_URL, or COMPTOIR_DATA_DIR for PGlite), it prints
// "listening <port>" once it answers. With COMPTOIR_FAULT_SHOP set it also refunds, one after the
// other, the orders of that shop that have no refund yet, printing "refund <id>" after each commit:
// the parent counts those as acknowledged and kills this process at any moment.
import type { AddressInfo } from 'node:net';
import { startServer } from '../http/start-server.js';
import { createRefund } from '../refunds/service.js';

const server = await startServer({ port: 0, host: '127.0.0.1' });
const { port } = server.app.server.address() as AddressInfo;
process.stdout.write(`listening ${port}\n`);

const shopId = process.env.COMPTOIR_FAULT_SHOP;
if (shopId) {
  const { deps } = server.core;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 10));
  for (;;) {
    const order = await deps.db.order.findFirst({
      where: { shopId, refunds: { none: {} } },
      select: { id: true, shippingMinor: true, lines: { select: { id: true, unitPriceMinor: true }, orderBy: { position: 'asc' } } },
      orderBy: { createdAt: 'asc' },
    });
    if (!order || order.lines.length === 0) {
      await pause();
      continue;
    }
    const refund = await createRefund(deps, {
      shopId,
      orderId: order.id,
      idempotencyKey: `fault:${order.id}`,
      provider: 'manual',
      reference: 'VIR-FAULT',
      allocations: [
        { kind: 'line', orderLineId: order.lines[0]!.id, amountMinor: order.lines[0]!.unitPriceMinor },
        { kind: 'shipping', orderLineId: null, amountMinor: order.shippingMinor },
      ],
      actor: { type: 'system' },
    });
    process.stdout.write(`refund ${refund.id}\n`);
  }
}
