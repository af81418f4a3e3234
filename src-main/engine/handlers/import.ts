// Import of customers, suppliers and products (issue 13). The file is read before
// the transaction (exceljs reads asynchronously: handlers/types.ts Handler.prepare);
// the rows are checked and written in the handler's one transaction.
import { MAX_IMPORT_ISSUES, type ImportResult } from '../../../shared/channels/import';
import { cellText } from '../domain/importValues';
import { rememberMapping } from '../repos/importMappings';
import { readImportFile, type ImportTable } from '../services/importRead';
import { checkMapping, importRows, importSetup, resolveMapping, type ImportOutcome } from '../services/importRows';
import { preparedPreviewer, preparedWriter, type HandlerMap } from './types';

const read = (input: { fileName: string; dataBase64: string }): Promise<ImportTable> => readImportFile(input.fileName, input.dataBase64);

/** Thrown to undo the import's savepoint when a row has an error: nothing is kept, the errors are returned. */
class RowErrors extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('import rows have errors');
  }
}

const facts = (t: ImportTable) => ({ format: t.format, encoding: t.encoding, delimiter: t.delimiter, sheet: t.sheet });

export const importHandlers: HandlerMap<'import.preview' | 'import.commit'> = {
  // The whole import as commit would run it, in a transaction that is always rolled back.
  'import.preview': preparedPreviewer(read, (input, ctx, table) => {
    const setup = importSetup(ctx.db, input.kind);
    const { mapping, source } = resolveMapping(ctx.db, input.kind, setup, table.columns, input.mapping);
    checkMapping(setup, table.columns, mapping);
    const outcome = importRows(ctx, input.kind, table, mapping, setup, input.fileName);
    return {
      kind: input.kind,
      ...facts(table),
      columns: table.columns,
      fields: setup.fields,
      mapping,
      mappingSource: source,
      rowCount: table.rows.length,
      rows: table.rows.slice(0, input.previewRows).map((r) => ({ row: r.row, cells: r.cells.map(cellText) })),
      errors: outcome.issues.slice(0, MAX_IMPORT_ISSUES),
      errorCount: outcome.errorCount,
    };
  }),
  // All rows or none: the rows are written in a savepoint that is undone when any row has an error.
  'import.commit': preparedWriter(read, (input, ctx, table): ImportResult => {
    const setup = importSetup(ctx.db, input.kind);
    const { mapping } = resolveMapping(ctx.db, input.kind, setup, table.columns, input.mapping);
    checkMapping(setup, table.columns, mapping);
    let outcome: ImportOutcome;
    try {
      outcome = ctx.db.transaction(() => {
        const o = importRows(ctx, input.kind, table, mapping, setup, input.fileName);
        if (o.errorCount > 0) throw new RowErrors(o);
        rememberMapping(ctx.db, input.kind, mapping, ctx.now.toISOString(), ctx.userId);
        return o;
      })();
    } catch (err) {
      if (!(err instanceof RowErrors)) throw err;
      outcome = err.outcome;
    }
    return { imported: outcome.imported, errors: outcome.issues, errorCount: outcome.errorCount, firstNumber: outcome.firstNumber, lastNumber: outcome.lastNumber };
  }),
};
