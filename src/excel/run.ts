/**
 * How the adapter reaches a workbook: `Excel.run` in Excel, or the same call on an Office.js-shaped
 * backend (HyperFormula in the demo, an xlsx file in the CLI). The optional context runs a batch in an
 * existing request context, which is how Office.js removes an event handler it added
 * (`Excel.run(registration.context, ...)`, per Microsoft's "Work with events" guide).
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, context?: OfficeExtension.ClientRequestContext) => Promise<T>;
