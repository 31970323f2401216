import fs from 'node:fs/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { errorMessage } from '@comptoir/protocol';
import { DomainError } from '../../core/domain-error.js';
import { importOrdersCsv, type CsvImportReport } from '../../orders/csv-import.js';
import { withCore } from '../with-core.js';

/** The report of an import as lines for a person. */
export function formatImportReport(report: CsvImportReport): string {
  const lines = [
    `${report.orders} order(s) in ${report.rows} row(s): ${report.created} created, ${report.updated} updated, ` +
      `${report.unchanged} unchanged, ${report.refusedOrders} refused.`,
  ];
  if (report.ignoredColumns.length) lines.push(`Ignored column(s): ${report.ignoredColumns.join(', ')}`);
  if (report.refusedLines.length) {
    lines.push('Refused lines:');
    for (const refused of report.refusedLines) {
      lines.push(`  line ${refused.line}${refused.orderId ? ` (order ${refused.orderId})` : ''}: ${refused.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `orders import <file.csv> --shop <slug>`: orders from a CSV export (see docs/import-csv.md). */
export function registerOrderCommands(program: Command): void {
  const orders = program.command('orders').description('orders of a shop');

  orders
    .command('import')
    .argument('<file>', 'CSV file, one row per order line (docs/import-csv.md)')
    .requiredOption('--shop <slug>', 'the shop the orders belong to')
    .option('--json', 'print the report as JSON')
    .description('import orders from a CSV file; an order with a bad line is refused whole and reported')
    .action(async (file: string, options: { shop: string; json?: boolean }) => {
      const csv = await fs.readFile(file);
      const report = await withCore(async ({ deps }) => {
        const shop = await deps.db.shop.findUnique({ where: { slug: options.shop }, select: { id: true } });
        if (!shop) throw new Error(`${errorMessage('SHOP_NOT_FOUND', 'en')} (${options.shop})`);
        const showBar = !options.json && process.stderr.isTTY;
        const bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: 'Importing [{bar}] {value}/{total} orders', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        let started = false;
        try {
          return await importOrdersCsv(deps, {
            shopId: shop.id,
            csv,
            onProgress: ({ done, total }) => {
              if (!showBar) return;
              if (!started) {
                bar.start(total, 0);
                started = true;
              }
              bar.update(done);
            },
          });
        } catch (error) {
          if (error instanceof DomainError) throw new Error(errorMessage(error.code, 'en', error.params));
          throw error;
        } finally {
          if (started) bar.stop();
        }
      });
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatImportReport(report));
      if (report.refusedLines.length) process.exitCode = 1;
    });
}
