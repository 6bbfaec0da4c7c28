/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { ReactNode } from "react";
import { PaneIntl } from "../i18n/PaneIntl";
import { ColumnMap, ROLES } from "../../okr/columns";
import { ColumnMapping } from "./ColumnMapping";

const English = ({ children }: { children: ReactNode }) => <PaneIntl locale="en">{children}</PaneIntl>;

const headers = ["Job date", "Client", "Notes"];
const allBut = (...unmapped: string[]): ColumnMap => Object.fromEntries(ROLES.filter((role) => !unmapped.includes(role)).map((role) => [role, 0]));

describe("ColumnMapping", () => {
  it("says which roles no column is used for, in plain words", () => {
    render(<ColumnMapping headers={headers} columns={allBut("nps", "arrival", "comment")} onChange={() => {}} />, { wrapper: English });
    expect(screen.getByText("Not found: NPS score, arrival time, comment")).toBeTruthy();
  });

  it("says it in Chinese, listed as Chinese lists", () => {
    render(
      <PaneIntl locale="zh-CN">
        <ColumnMapping headers={["日期", "", "备注"]} columns={allBut("nps", "arrival", "comment")} onChange={() => {}} />
      </PaneIntl>,
    );
    expect(screen.getByText("未找到：NPS 分数、到达时间、客户评价")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "工单日期" })).toBeTruthy();
    expect(screen.getAllByRole("option", { name: "第 2 列" }).length).toBeGreaterThan(0);
  });

  it("says nothing is missing by saying nothing", () => {
    render(<ColumnMapping headers={headers} columns={allBut()} onChange={() => {}} />, { wrapper: English });
    expect(screen.queryByText(/Not found/)).toBeNull();
  });

  describe("edge cases", () => {
    it("lists every role when nothing was found", async () => {
      const { container } = render(<ColumnMapping headers={headers} columns={{}} onChange={() => {}} />, { wrapper: English });
      expect(
        screen.getByText(
          "Not found: job date, customer, technician, amount, NPS score, CSAT score, effort score, first-visit fix, arrival time, promised time, " +
            "requested time, responded time, resolved time, lead source, booked, comment, SLA target (hours), marketing spend, abandoned call",
        ),
      ).toBeTruthy();
      expect(await axe(container)).toHaveNoViolations();
    });
  });
});
