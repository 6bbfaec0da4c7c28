/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { ReactNode } from "react";
import { PaneIntl } from "../i18n/PaneIntl";
import { chosenPeriod, initialPeriodChoice, PeriodChoice, periodLists, PeriodPicker } from "./PeriodPicker";

const English = ({ children }: { children: ReactNode }) => <PaneIntl locale="en">{children}</PaneIntl>;

const today = new Date(2026, 10, 24); // 2026-11-24: the current quarter is 2026-Q4, the current month 2026-11
// A log whose jobs run from 2026-05-04 (46146) to 2026-08-16 (46250): 2026-07-01 is 46204, 2026-05-01 is 46143.
const jobs = [46146, 46250];
const lists = periodLists(jobs, today);
const start: PeriodChoice = { kind: "quarter", quarter: "2026-Q3", month: "2026-08", from: "2026-07-01", to: "2026-09-30" };

describe("periodLists and initialPeriodChoice", () => {
  it("offer every quarter and month from the first job to today", () => {
    expect(lists.quarter.map((p) => p.label)).toEqual(["2026-Q4", "2026-Q3", "2026-Q2"]);
    expect(lists.month.map((p) => p.label)).toEqual(["2026-11", "2026-10", "2026-09", "2026-08", "2026-07", "2026-06", "2026-05"]);
  });

  it("start on the latest full quarter and month with jobs, with the quarter's dates as the custom ones", () => {
    expect(initialPeriodChoice(lists, jobs, today)).toEqual(start);
  });

  it("start on the current quarter and month when the log has no dates", () => {
    expect(initialPeriodChoice(periodLists([], today), [], today)).toEqual({ kind: "quarter", quarter: "2026-Q4", month: "2026-11", from: "2026-10-01", to: "2026-12-31" });
  });
});

describe("chosenPeriod", () => {
  // Serials worked out by hand: 2026-07-01 is 46204; July and August have 31 days, September 30, October 31.
  it.each<[string, PeriodChoice, ReturnType<typeof chosenPeriod>]>([
    ["the current quarter", { ...start, quarter: "2026-Q4" }, { label: "2026-Q4", from: 46296, to: 46387 }],
    ["the quarter before", start, { label: "2026-Q3", from: 46204, to: 46295 }],
    ["a month, ignoring the quarter chosen", { ...start, kind: "month", quarter: "2026-Q4", month: "2026-08" }, { label: "2026-08", from: 46235, to: 46265 }],
    ["custom dates", { ...start, kind: "custom", from: "2026-07-15", to: "2026-08-15" }, { label: "2026-07-15 to 2026-08-15", from: 46218, to: 46249 }],
  ])("%s", (_, choice, period) => {
    expect(chosenPeriod(choice, lists)).toEqual(period);
  });

  describe("edge cases", () => {
    it("a single custom day", () => {
      expect(chosenPeriod({ ...start, kind: "custom", from: "2026-07-01", to: "2026-07-01" }, lists)).toEqual({ label: "2026-07-01 to 2026-07-01", from: 46204, to: 46204 });
    });
    it.each([
      ["a blank start", "", "2026-09-30"],
      ["a date that does not exist", "2026-02-30", "2026-09-30"],
      ["dates the wrong way round", "2026-09-30", "2026-07-01"],
    ])("no period for %s", (_, from, to) => {
      expect(chosenPeriod({ ...start, kind: "custom", from, to }, lists)).toBeUndefined();
    });
    it("no period for a quarter the log does not offer", () => {
      expect(chosenPeriod({ ...start, quarter: "2025-Q4" }, lists)).toBeUndefined();
    });
  });
});

describe("PeriodPicker", () => {
  it("shows the value it is given and keeps no copy of its own", async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    const { rerender } = render(<PeriodPicker lists={lists} value={start} onChange={onChange} />, { wrapper: English });
    const quarter = screen.getByRole("combobox", { name: "Quarter" }) as HTMLSelectElement;
    expect(quarter.selectedOptions[0].textContent).toBe("2026-Q3");

    await user.selectOptions(quarter, "2026-Q2");
    expect(onChange).toHaveBeenLastCalledWith({ ...start, quarter: "2026-Q2" });
    // The parent did not take the change, so the picker still shows the parent's value.
    expect(quarter.selectedOptions[0].textContent).toBe("2026-Q3");

    rerender(<PeriodPicker lists={lists} value={{ ...start, kind: "month", month: "2026-09" }} onChange={onChange} />);
    expect((screen.getByRole("combobox", { name: "Month" }) as HTMLSelectElement).selectedOptions[0].textContent).toBe("2026-09");
  });

  it("switches to Custom from the dates of the month shown", async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    render(<PeriodPicker lists={lists} value={{ ...start, kind: "month", month: "2026-08" }} onChange={onChange} />, { wrapper: English });
    await user.click(screen.getByRole("radio", { name: "Custom" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...start, kind: "custom", month: "2026-08", from: "2026-08-01", to: "2026-08-31" });
  });

  it("keeps the custom dates when going back to a quarter", async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    const custom: PeriodChoice = { ...start, kind: "custom", quarter: "2026-Q2", from: "2026-07-15", to: "2026-08-15" };
    render(<PeriodPicker lists={lists} value={custom} onChange={onChange} />, { wrapper: English });
    await user.click(screen.getByRole("radio", { name: "Quarter" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...custom, kind: "quarter" });
  });

  it("reports typed custom dates, and says which one cannot be used", () => {
    const onChange = jest.fn();
    render(<PeriodPicker lists={lists} value={{ ...start, kind: "custom", from: "", to: "2026-07-01" }} onChange={onChange} />, { wrapper: English });
    expect(screen.getByText("Type a date like 2026-07-01")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-07-02" } });
    expect(onChange).toHaveBeenLastCalledWith({ ...start, kind: "custom", from: "2026-07-02", to: "2026-07-01" });
  });

  it("says when the last day comes before the first, accessibly", async () => {
    const { container } = render(<PeriodPicker lists={lists} value={{ ...start, kind: "custom", from: "2026-07-02", to: "2026-07-01" }} onChange={() => undefined} />, { wrapper: English });
    expect(screen.getByText("The last day comes before the first.")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });
});
