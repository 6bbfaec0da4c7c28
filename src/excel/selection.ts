import { ExcelRun } from "./run";

/**
 * The address of the cells selected in the workbook, with their sheet, as Excel writes it in a formula
 * ("'Accounts 2025'!B12", "Sales!C2:C90"). Workbook.getSelectedRange is ExcelApi 1.1. One round trip.
 */
export async function readSelectedAddress(run: ExcelRun): Promise<string> {
  return run(async (context) => {
    const selected = context.workbook.getSelectedRange();
    selected.load("address");
    await context.sync();
    return selected.address;
  });
}
