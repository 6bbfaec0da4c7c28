/**
 * Every Excel JavaScript API member the adapter (src/excel) uses, checked against the requirement sets
 * manifest.xml declares, so that Excel refuses to load the add-in where a member is missing instead of
 * failing at the first click.
 *
 * Where the versions come from: Microsoft's own declarations in @types/office-js
 * (node_modules/@types/office-js/index.d.ts, "Copyright (c) Microsoft Corporation", published through
 * DefinitelyTyped), where each member's JSDoc remarks carry a tag like `[Api set: ExcelApi 1.8]`, the
 * same text as the "API set" line on learn.microsoft.com/javascript/api/excel. Nothing here lists
 * versions by hand; a newer @types/office-js can only add or correct tags.
 *
 * Why the manifest says ExcelApi 1.8: Worksheet.onCalculated, which keeps the pane's live view in step
 * with the sheet, is in ExcelApi 1.8 ("Remarks: [API set: ExcelApi 1.8]" at
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-oncalculated-member,
 * listed under https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-8-requirement-set).
 */
import { readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import {
  compareVersions,
  createApiProgram,
  findApiUses,
  formatTable,
  parseApiSetTag,
  readRequirementSets,
  repoCompilerOptions,
  requirementProblems,
  sourceFilesUnder,
  summarize,
  untypedAccesses,
} from "./apiSets";

const root = path.resolve(__dirname, "..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
const options = repoCompilerOptions(root);

/** The manifest with its ExcelApi declaration replaced by `set` (or removed, for ""); fails loudly if there is none. */
function withExcelApi(set: string): string {
  const changed = manifest.replace(/\s*<Set Name="ExcelApi"[^>]*\/>/, set && `\n      ${set}`);
  expect(changed).not.toBe(manifest);
  return changed;
}

// Building a type checker over office-js takes a few seconds on a slow machine.
jest.setTimeout(120_000);

describe("the Excel API members src/excel uses", () => {
  it("are all in requirement sets manifest.xml declares", () => {
    const files = sourceFilesUnder(path.join(root, "src", "excel"));
    const program = createApiProgram(files, options);
    const members = summarize(findApiUses(program, files, root));
    const table = formatTable(members);
    const untyped = untypedAccesses(program, files, root);
    console.log(
      `Excel API members used by src/excel (${members.length}):\n${table}` +
        (untyped.length > 0 ? `\n\nNot checked, on values typed any:\n${untyped.join("\n")}` : ""),
    );

    // Not vacuous: the adapter reads ranges and reaches sheets through the workbook, and every batch syncs.
    expect(files.length).toBeGreaterThan(0);
    expect(members.map((m) => m.member)).toEqual(expect.arrayContaining(["Excel.Range.values", "Excel.Workbook.worksheets", "OfficeExtension.ClientRequestContext.sync"]));

    const problems = requirementProblems(members, readRequirementSets(manifest));
    if (problems.length > 0) {
      throw new Error(`manifest.xml does not declare what the adapter needs:\n${problems.join("\n")}\n\nEvery member used:\n${table}`);
    }
  });
});

describe("the requirement-set check", () => {
  // Not a repository file: only this program sees it.
  const probe = path.join(tmpdir(), "apiSetsProbe", "probe.ts");
  const source = [
    "declare const ws: Excel.Worksheet;",
    "declare const app: Excel.Application;",
    "ws.onCalculated;",
    'ws.getRange("A1").values;',
    "ws.autoFilter;",
    'ws.getRange("A1").getSpillingToRangeOrNullObject();',
    "app.calculationMode;",
    "app.calculationMode = Excel.CalculationMode.manual;",
    'ws["visibility"] = "Hidden";',
    'ws.getRange("A1").clear("Contents");',
    'ws.getRange("A1").clear("RemoveHyperlinks");',
  ].join("\n");
  const found = () => summarize(findApiUses(createApiProgram([probe], options, { [probe]: source }), [probe], root));

  it("reads each member's version from the office-js declarations", () => {
    const versions = Object.fromEntries(found().map((m) => [m.member, `${m.set} ${m.version}`]));
    // Expected versions from the "API set" remarks on learn.microsoft.com/javascript/api/excel for
    // Worksheet, Range, Application and ClearApplyTo, not from the code under test.
    expect(versions).toMatchObject({
      "Excel.Worksheet.onCalculated": "ExcelApi 1.8",
      "Excel.Range.values": "ExcelApi 1.1",
      "Excel.Worksheet.autoFilter": "ExcelApi 1.9",
      "Excel.Range.getSpillingToRangeOrNullObject": "ExcelApi 1.12",
      // "ExcelApi 1.1 for get, 1.8 for set"; "1.1 for reading visibility; 1.2 for setting it".
      "Excel.Application.calculationMode": "ExcelApi 1.1",
      "Excel.Application.calculationMode (set)": "ExcelApi 1.8",
      "Excel.Worksheet.visibility (set)": "ExcelApi 1.2",
      // Enum values given as text: ClearApplyTo is ExcelApi 1.1, but its RemoveHyperlinks value 1.7.
      "Excel.ClearApplyTo.contents": "ExcelApi 1.1",
      "Excel.ClearApplyTo.removeHyperlinks": "ExcelApi 1.7",
    });
  });

  it("rejects a manifest whose ExcelApi is too low or missing, and passes one that is high enough", () => {
    const members = found();
    const problemsWith = (xml: string) => requirementProblems(members, readRequirementSets(xml));

    const at11 = problemsWith(withExcelApi('<Set Name="ExcelApi" MinVersion="1.1"/>'));
    expect(at11).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Excel\.Worksheet\.onCalculated needs ExcelApi 1\.8, but the manifest declares ExcelApi 1\.1 /),
        expect.stringMatching(/^Excel\.Worksheet\.autoFilter needs ExcelApi 1\.9, but the manifest declares ExcelApi 1\.1 /),
        expect.stringMatching(/^Excel\.Range\.getSpillingToRangeOrNullObject needs ExcelApi 1\.12, but the manifest declares ExcelApi 1\.1 /),
      ]),
    );
    expect(at11.join("\n")).not.toMatch(/Excel\.Range\.values /);

    // 1.12 is after 1.9: compared as text or as numbers it would pass.
    const at19 = problemsWith(withExcelApi('<Set Name="ExcelApi" MinVersion="1.9"/>'));
    expect(at19).toHaveLength(1);
    expect(at19[0]).toMatch(/^Excel\.Range\.getSpillingToRangeOrNullObject needs ExcelApi 1\.12, but the manifest declares ExcelApi 1\.9 \(used at .*probe\.ts:6\)$/);

    expect(problemsWith(withExcelApi(""))).toEqual(expect.arrayContaining([expect.stringMatching(/^Excel\.Worksheet\.onCalculated needs ExcelApi 1\.8, but the manifest does not declare ExcelApi/)]));
    expect(problemsWith(withExcelApi('<Set Name="ExcelApi" MinVersion="1.12"/>'))).toEqual([]);
  });

  it("reads versions and tags as documented", () => {
    expect(compareVersions("1.10", "1.9")).toBe(1);
    expect(compareVersions("1.8", "1.8.0")).toBe(0);
    expect(compareVersions("1.1", "1.12")).toBe(-1);
    expect(parseApiSetTag("ExcelApi 1.8")).toEqual({ set: "ExcelApi", version: "1.8", notes: [] });
    expect(parseApiSetTag("ExcelApi 1.1 for get, 1.8 for set")).toEqual({ set: "ExcelApi", version: "1.1", writeVersion: "1.8", notes: [] });
    expect(parseApiSetTag("ExcelApi 1.2 for options; 1.7 for password")).toEqual({ set: "ExcelApi", version: "1.2", notes: ["1.7 for password"] });
    expect(parseApiSetTag("ExcelApi 1.1 for String,Integer,Double,Boolean,Range,Error; 1.7 for Array")).toEqual({ set: "ExcelApi", version: "1.1", notes: ["1.7 for Array"] });
    expect(
      readRequirementSets('<OfficeApp><Requirements><Sets DefaultMinVersion="1.1"><Set Name="ExcelApi" MinVersion="1.8"/></Sets></Requirements></OfficeApp>'),
    ).toEqual(new Map([["ExcelApi", "1.8"]]));
    // MinVersion as text: read as a number, 1.10 would become 1.1.
    expect(readRequirementSets(withExcelApi('<Set Name="ExcelApi" MinVersion="1.10"/>')).get("ExcelApi")).toBe("1.10");
  });
});
