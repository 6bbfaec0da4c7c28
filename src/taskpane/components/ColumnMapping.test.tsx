/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { ColumnMap, ROLES } from "../../okr/columns";
import { ColumnMapping } from "./ColumnMapping";

const headers = ["Job date", "Client", "Notes"];
const allBut = (...unmapped: string[]): ColumnMap => Object.fromEntries(ROLES.filter((role) => !unmapped.includes(role)).map((role) => [role, 0]));

describe("ColumnMapping", () => {
  it("says which roles no column is used for, in plain words", () => {
    render(<ColumnMapping headers={headers} columns={allBut("nps", "arrival", "comment")} onChange={() => {}} />);
    expect(screen.getByText("Not found: NPS score, arrival time, comment")).toBeTruthy();
  });

  it("says nothing is missing by saying nothing", () => {
    render(<ColumnMapping headers={headers} columns={allBut()} onChange={() => {}} />);
    expect(screen.queryByText(/Not found/)).toBeNull();
  });

  describe("edge cases", () => {
    it("lists every role when nothing was found", async () => {
      const { container } = render(<ColumnMapping headers={headers} columns={{}} onChange={() => {}} />);
      expect(
        screen.getByText(
          "Not found: job date, customer, technician, amount, NPS score, CSAT score, effort score, first-visit fix, arrival time, promised time, " +
            "requested time, responded time, resolved time, lead source, booked, comment",
        ),
      ).toBeTruthy();
      expect(await axe(container)).toHaveNoViolations();
    });
  });
});
