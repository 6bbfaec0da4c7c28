/** The KPI library by family, for tests that compare a spreadsheet engine with it. */
export * as customerBase from "../src/kpi/customers";
export * as finance from "../src/kpi/finance";
export * as kpiOkr from "../src/kpi/okr";
export * as operations from "../src/kpi/operations";
export * as surveys from "../src/kpi/surveys";
